package chainrule.diff;

/** A derivative chainrule cannot form yet; reported to the user as such (not a crash). */
public final class Unsupported extends RuntimeException {
    public Unsupported(String message) {
        super(message, null, false, false);
    }
}
