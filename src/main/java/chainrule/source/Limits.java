package chainrule.source;

/**
 * How much input chainrule takes before it refuses, so that no input runs it out of memory or
 * stack: the size of a file, the depth of nesting (brackets and prefix signs), the number of
 * statements, and the printed size of one answer. Each refusal names its limit and the option
 * that raises it. The command line sets them for the thread doing the work (and threads it starts).
 */
public record Limits(long fileBytes, int depth, int statements, long answerChars) {
    public static final Limits DEFAULT = new Limits(8L << 20, 25_000, 100_000, 2_000_000);

    private static final InheritableThreadLocal<Limits> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Limits initialValue() {
            return DEFAULT;
        }
    };

    public static Limits current() {
        return CURRENT.get();
    }

    public static void use(Limits limits) {
        CURRENT.set(limits);
    }

    /** A file of more than fileBytes bytes, refused before it is read. */
    public ChainRuleException tooLarge(String file, long bytes) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(file, ""), Span.NONE,
                "the file is " + bytes + " bytes, more than the limit of " + fileBytes
                        + " bytes (--max-file-size BYTES raises it)"));
    }

    /** The first place where brackets and prefix signs nest deeper than the limit, or nothing. */
    public void checkDepth(SourceFile source) {
        String text = source.text();
        int brackets = 0, signs = 0, line = 1, lineStart = 0;
        char before = '\n'; // the last character that is not a space
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> {
                    while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
                    continue;
                }
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                    signs = 0;
                }
                case '(', '[' -> brackets++;
                case ')', ']' -> brackets = Math.max(0, brackets - 1);
                case '-', '+' -> signs = "=([,+-*/^\n".indexOf(before) >= 0 ? signs + 1 : 0;
                default -> {
                    if (!Character.isWhitespace(c)) signs = 0;
                }
            }
            if (brackets + signs > depth) {
                throw ChainRuleException.at(ErrorKind.SYNTAX, source, new Span(line, i - lineStart + 1, i, i + 1),
                        "nested more than " + depth + " deep, the limit (--max-depth N raises it)");
            }
            if (!Character.isWhitespace(c) || c == '\n') before = c;
        }
    }

    /** The statement beyond the limit, refused. */
    public ChainRuleException tooManyStatements(SourceFile source, Span at) {
        return ChainRuleException.at(ErrorKind.SYNTAX, source, at,
                "more than " + statements + " statements, the limit (--max-statements N raises it)");
    }

    /** An answer too large to print. */
    public ChainRuleException answerTooLarge(String what) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, null, null,
                what + " would print more than " + answerChars
                        + " characters, the limit (--max-answer-size CHARS raises it)"));
    }
}
