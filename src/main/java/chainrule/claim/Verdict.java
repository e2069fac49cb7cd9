package chainrule.claim;

/** SPEC §3: what a claimed derivative turned out to be. */
public enum Verdict {
    CORRECT("correct"), INCORRECT("incorrect"), SHAPE_ERROR("shape-error"), PARTLY_CORRECT("partly-correct");

    public final String word;

    Verdict(String word) {
        this.word = word;
    }
}
