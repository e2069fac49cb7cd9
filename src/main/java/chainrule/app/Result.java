package chainrule.app;

import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.eval.CheckResult;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/** What a {@link Request} comes to, before it is printed in any format. */
public sealed interface Result {
    int OK = 0, FAILED = 1;

    Program program();

    /** The exit status: 1 where a claim is not correct or a numeric check failed, else 0. */
    int status();

    /** One derivative with what was asked with it: its check and its value (either may be null). */
    record Derivative(Answer answer, CheckResult check, RealMatrix value) {}

    record Derived(Program program, List<Derivative> derivatives, boolean steps) implements Result {
        public int status() {
            return derivatives.stream().allMatch(d -> d.check() == null || d.check().passed()) ? OK : FAILED;
        }
    }

    record Checked(Program program, List<ClaimResult> claims) implements Result {
        public int status() {
            return claims.stream().allMatch(ClaimResult::correct) ? OK : FAILED;
        }
    }

    record Shapes(Program program) implements Result {
        public int status() {
            return OK;
        }
    }

    record Evaluated(Program program, Map<String, RealMatrix> values) implements Result {
        public int status() {
            return OK;
        }
    }

    record Latex(Program program, List<Answer> answers, List<ClaimResult> claims, boolean standalone) implements Result {
        public int status() {
            return claims.stream().allMatch(ClaimResult::correct) ? OK : FAILED;
        }
    }

    /** target: "numpy" or "torch". */
    record Code(Program program, String target, String code) implements Result {
        public int status() {
            return OK;
        }
    }

    /** Every request of a file, in the file's order. */
    record Ran(Program program, List<Item> items) implements Result {
        public int status() {
            for (Item i : items) {
                boolean bad = switch (i) {
                    case Item.Derivatives d -> d.derivatives().stream().anyMatch(x -> x.check() != null && !x.check().passed());
                    case Item.Claim c -> !c.result().correct();
                    case Item.Shown s -> false;
                };
                if (bad) return FAILED;
            }
            return OK;
        }
    }

    /** One request of a file: a derive line's answers, a claim's verdict, a bare expression simplified. */
    sealed interface Item {
        record Derivatives(List<Derivative> derivatives) implements Item {}

        record Claim(ClaimResult result) implements Item {}

        record Shown(Expr expression, int line) implements Item {}
    }
}
