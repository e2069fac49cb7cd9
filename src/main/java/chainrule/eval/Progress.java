package chainrule.eval;

/** Told how a long numeric check goes, point by point (a terminal shows it). */
public interface Progress {
    Progress NONE = new Progress() {};

    default void point(int number, int of) {}

    default void done() {}
}
