package chainrule.codegen;

/** The library a generated module is written for. */
public enum Target {
    NUMPY("numpy", "NumPy"), TORCH("torch", "PyTorch");

    public final String id;
    public final String title;

    Target(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The target of that name ("numpy" or "torch", any case), or null. */
    public static Target named(String name) {
        for (Target t : values()) if (t.id.equalsIgnoreCase(name)) return t;
        return null;
    }
}
