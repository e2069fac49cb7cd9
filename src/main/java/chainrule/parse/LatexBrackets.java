package chainrule.parse;

import chainrule.parse.LatexTokens.Tok;
import java.util.List;

/** Brackets, groups and environments in a list of LaTeX tokens: what closes what, and what lies outside them all. */
final class LatexBrackets {
    private LatexBrackets() {}

    /** The index of the } that closes the { at open. */
    static int matching(List<Tok> toks, int open) {
        if (!toks.get(open).is("{")) {
            Tok t = toks.get(open);
            throw new LatexLine.Mistake("expected {", t.start(), t.end());
        }
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            if (toks.get(i).is("{")) depth++;
            if (toks.get(i).is("}") && --depth == 0) return i;
        }
        Tok t = toks.get(open);
        throw new LatexLine.Mistake("this { is not closed", t.start(), t.end());
    }

    /** The index of what closes the bracket at open: ( ), [ ], | |, \left( \right), \| \|. */
    static int closing(List<Tok> toks, int open, String opener, String closer) {
        Tok o = toks.get(open);
        boolean norm = opener == null;
        int depth = 0;
        for (int i = open + 1; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (norm) {
                if (t.command("|") || t.command("rVert") || t.command("Vert")) return i;
                continue;
            }
            if (opener.equals("|")) {
                if (t.is("|")) return i;
                continue;
            }
            if (t.is(opener)) depth++;
            if (t.is(closer)) {
                if (depth == 0) return i;
                depth--;
            }
        }
        throw new LatexLine.Mistake("this " + o.text() + " is not closed", o.start(), o.end());
    }

    /** The first symbol at or after from outside every bracket, group and environment, or -1. */
    static int nextTopLevel(List<Tok> toks, String symbol, int from) {
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.is("{") || t.is("(") || t.is("[") || t.command("begin")) depth++;
            if (t.is("}") || t.is(")") || t.is("]") || t.command("end")) depth--;
            if (depth == 0 && t.is(symbol) && i >= from) return i;
        }
        return -1;
    }

    /** Line breaks (\\) between the steps of a chain, outside every matrix: no part of any step. */
    static List<Tok> withoutLineBreaks(List<Tok> toks) {
        List<Tok> out = new java.util.ArrayList<>();
        int depth = 0;
        for (Tok t : toks) {
            if (t.is("{") || t.is("(") || t.is("[") || t.command("begin")) depth++;
            if (t.is("}") || t.is(")") || t.is("]") || t.command("end")) depth--;
            if (depth == 0 && (t.command("\\") || t.is("&"))) continue;
            out.add(t);
        }
        return out;
    }

    static int lastTopLevel(List<Tok> toks, String symbol) {
        int depth = 0, last = -1;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.is("{") || t.is("(") || t.is("[") || t.command("begin")) depth++;
            if (t.is("}") || t.is(")") || t.is("]") || t.command("end")) depth--;
            if (depth == 0 && t.is(symbol)) last = i;
        }
        return last;
    }
}
