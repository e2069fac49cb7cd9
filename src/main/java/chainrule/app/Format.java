package chainrule.app;

/** How a result is printed (SPEC §4's --format). */
public enum Format { TEXT, JSON, LATEX }
