package chainrule.app;

import chainrule.diff.Step;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import java.util.List;

/** One derivative asked for: d(of)/d(wrt), simplified, with the steps it refers to. */
public record Answer(String of, Expr ofExpr, Expr.Var wrt, String kind, Shape shape, Expr expression,
                    List<Step> steps, List<Step> allSteps) {}
