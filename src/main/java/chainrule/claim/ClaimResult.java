package chainrule.claim;

/** The verdict on one claim (for a chain, the verdict of its first wrong step, which firstWrongStep names). */
public record ClaimResult(int line, String text, Verdict verdict, String message, String expected, Integer firstWrongStep) {
    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }
}
