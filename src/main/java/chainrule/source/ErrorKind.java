package chainrule.source;

/** What kind of mistake a user made; the JSON error object names it. */
public enum ErrorKind {
    SYNTAX("syntax"),
    ENCODING("encoding"),
    NAME("name"),
    SHAPE("shape"),
    CYCLE("cycle"),
    VALUE("value"),
    USAGE("usage"),
    UNSUPPORTED("unsupported"),
    INTERNAL("internal");

    private final String json;

    ErrorKind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
