package chainrule.claim;

import chainrule.shape.Program;

/**
 * The verdict on one claim (for a chain, the verdict of its first wrong step, which
 * firstWrongStep names), with the typed claim it is about.
 */
public record ClaimResult(Program.Claim claim, Verdict verdict, String message, String expected, Integer firstWrongStep) {
    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }

    /** The line of the claim in its source (a claim given with --claim is on line 1 of its own). */
    public int line() {
        return claim.span().line();
    }

    /** The claim as written, without the keyword. */
    public String text() {
        return claim.text();
    }
}
