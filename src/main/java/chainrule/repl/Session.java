package chainrule.repl;

import chainrule.app.Answering;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Parse;
import chainrule.parse.Shift;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements of a REPL session (SPEC §5): declarations and definitions are kept, as a
 * problem file would hold them, and the whole is checked again after each new one; a statement
 * that fails is not kept. Requests (a bare expression, derive, claim) are answered at once
 * against what is kept. Declaring or defining a name again replaces the old statement.
 */
public final class Session {
    /** The name of a typed statement in messages: repl:LINE:COL. */
    public static final String INPUT = "repl";
    /** The name of the kept statements together, where a message points into an older one. */
    public static final String KEPT = "session";
    /** The name a loaded LaTeX statement is parsed under once written in the plain syntax (never shown). */
    private static final String PLAIN = "plain";

    /**
     * A kept statement: a declaration (of one or more names), a function declaration, or a
     * definition; line and col: where it was typed (or stands in a loaded file), as :shapes names it.
     */
    public record Entry(Kind kind, List<String> names, String text, int line, int col) {}

    public enum Kind { DECLARATION, FUNCTION, DEFINITION }

    private final long seed;
    /** Each statement's syntax tree, by its text, as if it stood first in a file. */
    private final java.util.Map<String, List<Stmt>> parsed = new java.util.HashMap<>();
    private List<Entry> entries = new ArrayList<>();
    private Program program;

    public Session(long seed) {
        this.seed = seed;
        this.program = check(List.of(), -1, null, 0).program;
    }

    public Program program() {
        return program;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public void reset() {
        entries = new ArrayList<>();
        program = check(List.of(), -1, null, 0).program;
    }

    /**
     * Where a statement came from, for its messages: the input's name and the line and column
     * it began at; file and start when it is part of a file (:load), whose lines are then shown.
     */
    public record Origin(String name, int line, int col, SourceFile file, int start) {
        public static Origin typed(String name, int line) {
            return new Origin(name, line, 1, null, 0);
        }

        /** The same origin after the first chars characters of the statement (spaces, newlines). */
        Origin after(String skipped) {
            int newlines = (int) skipped.chars().filter(c -> c == '\n').count();
            int col = newlines == 0 ? this.col + skipped.length() : skipped.length() - skipped.lastIndexOf('\n');
            return new Origin(name, line + newlines, col, file, start + skipped.length());
        }

        /** A problem in the statement, moved to where the statement stands in its input. */
        Problem place(Problem p, SourceFile typed, SourceFile[] whole) {
            if (p.source() != typed) return p;
            Span s = p.span();
            if (whole[0] == null) {
                whole[0] = file != null ? file : new SourceFile(name, "\n".repeat(line - 1) + " ".repeat(col - 1) + typed.text());
            }
            if (s == null || !s.known()) return new Problem(p.kind(), whole[0], s, p.message());
            int shift = file != null ? start : line - 1 + col - 1;
            Span moved = new Span(s.line() + line - 1, s.line() == 1 ? s.col() + col - 1 : s.col(), s.start() + shift, s.stop() + shift);
            return new Problem(p.kind(), whole[0], moved, p.message());
        }
    }

    /** One statement as typed: one line, or several while a bracket was open. */
    public Reply submit(String statement) {
        return submit(statement, Origin.typed(INPUT, 1));
    }

    /** One statement, with where it came from: its messages point there. */
    public Reply submit(String statement, Origin origin) {
        return submit(statement, origin, origin.name(), null);
    }

    /**
     * readAs names the text for the parser, which reads a name ending in .tex as LaTeX; latex,
     * where the statement is the plain translation of one of a LaTeX file, moves its messages there.
     */
    private Reply submit(String statement, Origin origin, String readAs, LatexPlaces latex) {
        String text = statement.strip();
        Origin at = origin.after(statement.substring(0, statement.indexOf(text.isEmpty() ? statement : text)));
        SourceFile typed = new SourceFile(readAs, text);
        try {
            List<Stmt> statements = Parse.line(typed);
            if (statements.isEmpty()) return new Reply.Nothing();
            return switch (statements.get(0)) {
                case Stmt.VarDecl d -> keep(new Entry(Kind.DECLARATION, names(d.names()), text, at.line(), at.col()), typed);
                case Stmt.FunDecl f -> keep(new Entry(Kind.FUNCTION, List.of(f.name().name()), text, at.line(), at.col()), typed);
                case Stmt.Definition d -> keep(new Entry(Kind.DEFINITION, List.of(d.name().name()), text, at.line(), at.col()), typed);
                case Stmt.Show s -> request(text, typed, at.line());
                case Stmt.Derive d -> request(text, typed, at.line());
                case Stmt.Claim c -> request(text, typed, at.line());
            };
        } catch (ChainRuleException e) {
            SourceFile[] whole = new SourceFile[1];
            List<Problem> placed = new ArrayList<>();
            for (Problem p : e.problems()) placed.add(latex != null ? latex.place(p, typed) : at.place(p, typed, whole));
            return new Reply.Failed(new ChainRuleException(placed));
        }
    }

    /** Every statement of a problem file, in order, as if typed one by one; the file is checked whole first. */
    public List<Reply> load(SourceFile file) {
        List<Reply> out = new ArrayList<>();
        try {
            List<Stmt> statements = Parse.file(file);
            Checker.check(file, statements);
            String plain = Parse.plainText(file);
            for (Stmt s : statements) {
                Span at = s.span();
                if (plain == null) {
                    out.add(submit(file.slice(at), new Origin(file.name(), at.line(), at.col(), file, at.start())));
                } else {
                    // LaTeX is read with the names of the whole file, so each statement is taken as the
                    // file's plain translation of its lines (the same lines: messages keep their line).
                    out.add(submit(linesOf(plain, at.line(), lastLine(file.text(), at)), Origin.typed(file.name(), at.line()), PLAIN,
                            new LatexPlaces(file, s)));
                }
            }
        } catch (ChainRuleException e) {
            out.add(new Reply.Failed(e));
        }
        return out;
    }

    private static int lastLine(String text, Span at) {
        int line = at.line();
        for (int i = at.start(); i < at.stop() - 1 && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) line++;
        }
        return line;
    }

    private static String linesOf(String text, int first, int last) {
        SourceFile lines = new SourceFile(PLAIN, text);
        StringBuilder out = new StringBuilder();
        for (int n = first; n <= last; n++) out.append(n > first ? "\n" : "").append(lines.line(n));
        return out.toString();
    }

    private static List<String> names(List<Ast.Name> names) {
        return names.stream().map(Ast.Name::name).toList();
    }

    // ---- declarations and definitions

    private Reply keep(Entry entry, SourceFile typed) {
        List<Entry> next = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        int at = -1;
        for (Entry old : entries) {
            Entry rest = without(old, entry, replaced);
            if (rest == null) {
                if (at < 0) {
                    at = next.size();
                    next.add(entry);
                }
            } else {
                next.add(rest);
            }
        }
        if (at < 0) {
            at = next.size();
            next.add(entry);
        }
        Checked checked = check(next, at, typed, 0);
        Program before = program;
        entries = next;
        program = checked.program;
        return new Reply.Kept(entry.names().stream().map(n -> new Reply.Named(n, program.shapeOf(n) == null
                ? null : program.shapeOf(n))).toList(), changes(before, program, entry, replaced));
    }

    /**
     * An old statement less what the new one replaces: null when all of it goes, else the old
     * statement (a declaration of several names loses only the names declared again).
     */
    private static Entry without(Entry old, Entry entry, List<String> replaced) {
        boolean sameSlot = old.kind() == Kind.DEFINITION ? entry.kind() == Kind.DEFINITION : entry.kind() != Kind.DEFINITION;
        if (!sameSlot) return old;
        List<String> kept = old.names().stream().filter(n -> !entry.names().contains(n)).toList();
        if (kept.size() == old.names().size()) return old;
        replaced.add(old.text());
        if (kept.isEmpty()) return null;
        // "b1, b2 : 3" less b1 is "b2 : 3"
        Stmt.VarDecl d = (Stmt.VarDecl) Parse.statement(new SourceFile(KEPT, old.text()));
        int tail = d.names().get(d.names().size() - 1).span().stop();
        return new Entry(old.kind(), kept, String.join(", ", kept) + old.text().substring(tail), old.line(), old.col());
    }

    /** What a replacement changed: the statement it replaced, and every name whose shape is new. */
    private static List<String> changes(Program before, Program after, Entry entry, List<String> replaced) {
        List<String> out = new ArrayList<>();
        for (String old : replaced) out.add("replaces: " + old.replace("\n", " "));
        Set<String> names = new LinkedHashSet<>(after.inputs().keySet());
        names.addAll(after.byName().keySet());
        for (String n : names) {
            Shape was = before.shapeOf(n), now = after.shapeOf(n);
            if (was != null && !was.equals(now)) out.add(n + " is now " + now + " (was " + was + ")");
            else if (was == null && !entry.names().contains(n) && after.inputs().containsKey(n)) {
                out.add(n + " is an input of shape " + now + ", inferred from its use");
            }
        }
        for (String n : before.inputs().keySet()) {
            if (!after.has(n) && before.inputs().get(n).origin() == Program.Origin.INFERRED) out.add(n + " is no longer used");
        }
        for (String note : after.notes()) if (!before.notes().contains(note)) out.add(note);
        return out;
    }

    // ---- requests

    /**
     * line: where the request stands in its input; it stands there in the session's text too
     * where there is room, so a claim's messages name that line. The session's statements with
     * the request are a problem file, answered as 'chainrule FILE' answers it.
     */
    private Reply request(String text, SourceFile typed, int line) {
        // the request first, so it stands at its own line however many statements the session keeps
        List<Entry> with = new ArrayList<>();
        with.add(new Entry(Kind.DEFINITION, List.of(), text, line, 1));
        with.addAll(entries);
        Checked checked = check(with, 0, typed, line);
        Program p = checked.program;
        List<String> notes = new ArrayList<>();
        for (Program.Input in : p.inputs().values()) {
            if (!program.has(in.name())) notes.add(in.name() + " is not declared: an input of shape " + in.shape() + ", inferred from its use");
        }
        try {
            return new Reply.Answered((Result.Ran) Answering.answer(new Request.Run(p.source(), seed), p), notes);
        } catch (ChainRuleException e) {
            throw checked.placed(e);
        }
    }

    // ---- checking the kept statements together

    /** A checked program, and how to put a message about it back on the typed statement. */
    private record Checked(Program program, SourceFile all, int start, int line, SourceFile typed) {
        ChainRuleException placed(ChainRuleException e) {
            if (typed == null) return e;
            List<Problem> out = new ArrayList<>();
            for (Problem p : e.problems()) out.add(place(p));
            return new ChainRuleException(out);
        }

        private Problem place(Problem p) {
            Span s = p.span();
            boolean inTyped = p.source() != null && p.source().name().equals(KEPT) && s != null && s.known()
                    && s.start() >= start && s.start() <= start + typed.text().length();
            if (!inTyped) return p;
            Span moved = new Span(s.line() - line + 1, s.col(), s.start() - start, s.stop() - start);
            return new Problem(p.kind(), typed, moved, p.message());
        }
    }

    /** Parses and checks the statements together; at (>= 0) is the typed one, where messages point. */
    private Checked check(List<Entry> statements, int at, SourceFile typed, int padTo) {
        StringBuilder text = new StringBuilder();
        int start = 0, line = 1, lines = 0;
        List<Stmt> parsed = new ArrayList<>();
        boolean whole = false;
        for (int i = 0; i < statements.size(); i++) {
            if (i == at) {
                line = lines + 1;
                for (; line < padTo; line++) text.append('\n');
                lines = line - 1;
                start = text.length();
            }
            String entry = statements.get(i).text();
            List<Stmt> own = whole ? null : parsedAlone(entry);
            if (own == null) whole = true;
            else for (Stmt st : own) parsed.add(Shift.statement(st, lines, text.length()));
            text.append(entry).append('\n');
            lines += 1 + (int) entry.chars().filter(c -> c == '\n').count();
        }
        SourceFile all = new SourceFile(KEPT, text.toString());
        Checked placing = new Checked(null, all, start, line, at >= 0 ? typed : null);
        try {
            // a statement that does not parse alone is parsed with the others, for the messages
            Program p = Checker.check(all, whole ? Parse.file(all) : parsed);
            return new Checked(p, all, start, line, placing.typed());
        } catch (ChainRuleException e) {
            throw placing.placed(e);
        }
    }

    /** A statement's syntax tree, parsed once and kept (each new line checks every statement kept again); null when it does not parse. */
    private List<Stmt> parsedAlone(String text) {
        List<Stmt> known = parsed.get(text);
        if (known != null) return known;
        try {
            List<Stmt> out = Parse.file(new SourceFile(KEPT, text + "\n"));
            if (parsed.size() > 100_000) parsed.clear();
            parsed.put(text, out);
            return out;
        } catch (ChainRuleException e) {
            return null;
        }
    }

    /**
     * A place in the kept statements (the program's source) as the place its statement was typed
     * at, or stands at in the file it was loaded from.
     */
    public Span placed(Span kept) {
        if (!kept.known()) return kept;
        int first = 1;
        for (Entry e : entries) {
            int lines = 1 + (int) e.text().chars().filter(c -> c == '\n').count();
            if (kept.line() < first + lines) {
                int line = e.line() + kept.line() - first;
                int col = kept.line() == first ? kept.col() + e.col() - 1 : kept.col();
                return new Span(line, col, kept.start(), kept.stop());
            }
            first += lines;
        }
        return kept;
    }
}
