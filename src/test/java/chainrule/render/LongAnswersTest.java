package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chainrule.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long answer (a product of ten softmaxes) is written with the names of {@link Sharing} in every
 * format that prints an answer: each name defined once, before its first use, and the answer with
 * its definitions, pasted back into the file, is a correct claim.
 */
public class LongAnswersTest {
    public static final String NETWORK = "x : 4\nh = softmax(x)" + java.util.stream.IntStream.rangeClosed(2, 10)
            .mapToObj(k -> " .* softmax(" + k + "*x)").reduce("", String::concat) + "\nL = sum(h)\n";

    @TempDir
    static Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    static String file(String text) throws IOException {
        Path f = Files.createTempFile(dir, "long", ".nn");
        Files.writeString(f, text);
        return f.toString();
    }

    /** A printed line "name = expression   shape ..." as name and expression. */
    private static final Pattern LINE = Pattern.compile("^\\s*(?:where\\s+)?(t\\d+|d\\S+/d\\S+) = (.*?)(?:\\s{2,}\\S.*)?$");
    private static final Pattern T = Pattern.compile("\\bt(\\d+)\\b");

    /** The lines "name = expression" of a listing, in order. */
    static List<String[]> definitions(String listing) {
        List<String[]> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    /** Each t-name defined once, and used only after its definition; returns the names in order. */
    static List<String> definedOnceBeforeUse(List<String[]> lines, Pattern use) {
        List<String> order = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        for (String[] l : lines) {
            Matcher m = use.matcher(l[1]);
            while (m.find()) assertTrue(defined.contains(m.group(1)), "t" + m.group(1) + " used before its definition in " + l[0] + " = " + l[1]);
            Matcher name = use.matcher(l[0]);
            if (name.matches()) {
                assertTrue(defined.add(name.group(1)), l[0] + " defined twice");
                order.add(name.group(1));
            }
        }
        assertTrue(order.size() >= 5, "names given: " + order);
        for (int i = 0; i < order.size(); i++) assertEquals(String.valueOf(i + 1), order.get(i), "numbered in the order of first use");
        return order;
    }

    /** The network, the definitions as definitions of the file, and the answer as a claim: chainrule's verdict. */
    static Run readBack(List<String[]> lines, String answer) throws IOException {
        StringBuilder text = new StringBuilder(NETWORK);
        for (String[] l : lines) if (l[0].matches("t\\d+")) text.append(l[0]).append(" = ").append(l[1]).append('\n');
        text.append("claim d(L)/d(x) = ").append(answer).append('\n');
        return run("check", file(text.toString()), "--seed", "3");
    }

    static String answer(List<String[]> lines) {
        return lines.stream().filter(l -> l[0].equals("dL/dx")).map(l -> l[1]).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theListingNamesWhatTheAnswerRepeatsAndReadsBack() throws IOException {
        Run r = run("derive", file(NETWORK + "derive L wrt x\n"));
        assertEquals(Main.OK, r.status(), r.err());
        List<String[]> lines = definitions(r.out());
        definedOnceBeforeUse(lines, T);
        assertTrue(r.out().startsWith("t1 = softmax(x)"), r.out());
        String answer = answer(lines);
        assertTrue(answer.length() < 600, answer);
        Run back = readBack(lines, answer);
        assertEquals(Main.OK, back.status(), back.out() + back.err());
        assertTrue(back.out().contains("correct: "), back.out());
    }

    @Test
    void unicodeGivesTheSameNamesInTheSameOrder() throws IOException {
        String f = file(NETWORK + "derive L wrt x\n");
        String text = run("derive", f).out(), unicode = run("derive", f, "--unicode").out();
        List<String> plain = new ArrayList<>(), sub = new ArrayList<>();
        for (String line : text.split("\n")) if (line.matches("t\\d+ = .*")) plain.add(line.substring(1, line.indexOf(' ')));
        for (String line : unicode.split("\n")) {
            Matcher m = Pattern.compile("^t([₀-₉]+) = ").matcher(line);
            if (m.find()) sub.add(m.group(1).chars().mapToObj(c -> String.valueOf((char) ('0' + c - '₀'))).reduce("", String::concat));
        }
        assertFalse(plain.isEmpty());
        assertEquals(plain, sub);
    }

    @Test
    void stepsDefineANameAfterTheStepItUses() throws IOException {
        Run r = run("derive", file(NETWORK + "derive L wrt x\n"), "--steps");
        assertEquals(Main.OK, r.status(), r.err());
        List<String[]> lines = definitions(r.out());
        definedOnceBeforeUse(lines, T);
        // a name that uses the step dL/dh comes after it
        int step = -1, user = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i)[0].equals("dL/dh") && step < 0) step = i;
            if (lines.get(i)[0].matches("t\\d+") && lines.get(i)[1].contains("dL/dh") && user < 0) user = i;
        }
        assertTrue(step >= 0 && user > step, r.out());
        // the steps as definitions of the file too (dL/dh is a derivative term there)
        StringBuilder text = new StringBuilder(NETWORK);
        for (String[] l : lines) if (!l[0].equals("dL/dx")) text.append(l[0].equals("dL/dh") ? "G" : l[0]).append(" = ")
                .append(l[1].replace("dL/dh", "G")).append('\n');
        text.append("claim d(L)/d(x) = ").append(answer(lines).replace("dL/dh", "G")).append('\n');
        Run back = run("check", file(text.toString()), "--seed", "3");
        assertEquals(Main.OK, back.status(), back.out() + back.err());
    }

    @Test
    void jsonCarriesTheDefinitionsInOrderOfFirstUse() throws IOException {
        Run r = run("derive", file(NETWORK + "derive L wrt x\n"), "--format", "json", "--steps");
        assertEquals(Main.OK, r.status(), r.err());
        JsonNode result = new ObjectMapper().readTree(r.out()).get("results").get(0);
        List<String[]> lines = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (JsonNode s : result.get("steps")) order.add(s.get("name").asText());
        order.add("dL/dx");
        Map<String, List<String[]>> before = new LinkedHashMap<>();
        for (String o : order) before.put(o, new ArrayList<>());
        for (JsonNode d : result.get("definitions")) {
            assertEquals(Latex.render(chainrule.expr.Ex.var(d.get("name").asText(), chainrule.expr.Shape.of(4, 1))), d.get("latexName").asText());
            before.get(d.get("firstUsedBy").asText()).add(new String[] {d.get("name").asText(), d.get("expression").asText()});
        }
        // definitions, each shown before the step that first uses it: defined before use throughout
        int i = 0;
        for (String o : order) {
            lines.addAll(before.get(o));
            String value = o.equals("dL/dx") ? result.get("expression").asText() : result.get("steps").get(i++).get("expression").asText();
            lines.add(new String[] {o, value});
        }
        definedOnceBeforeUse(lines, T);
        // without the steps, the definitions and the expression read back
        JsonNode plain = new ObjectMapper().readTree(run("derive", file(NETWORK + "derive L wrt x\n"), "--format", "json").out()).get("results").get(0);
        List<String[]> defs = new ArrayList<>();
        for (JsonNode d : plain.get("definitions")) {
            assertEquals("dL/dx", d.get("firstUsedBy").asText());
            defs.add(new String[] {d.get("name").asText(), d.get("expression").asText()});
        }
        Run back = readBack(defs, plain.get("expression").asText());
        assertEquals(Main.OK, back.status(), back.out() + back.err());
    }

    /** The rows "lhs &= value" of every aligned display of a LaTeX body, continued lines joined. */
    static List<String[]> latexRows(String body) {
        List<String[]> out = new ArrayList<>();
        for (String display : LatexOutputs.math(body)) {
            for (String line : display.split(" \\\\\\\\\n|\n")) {
                if (line.startsWith("&\\quad ") && !out.isEmpty()) out.get(out.size() - 1)[1] += " " + line;
                else if (line.contains(" &= ")) out.add(new String[] {line.substring(0, line.indexOf(" &= ")), line.substring(line.indexOf(" &= ") + 4)});
            }
        }
        return out;
    }

    static final Pattern LATEX_T = Pattern.compile("t_\\{?(\\d+)\\}?");

    @Test
    void latexTypesetsTheDefinitionsBeforeTheRowsThatUseThem() throws Exception {
        Run r = run("derive", file(NETWORK + "derive L wrt x\n"), "--format", "latex");
        assertEquals(Main.OK, r.status(), r.err());
        List<String[]> rows = latexRows(r.out());
        definedOnceBeforeUse(rows, LATEX_T);
        assertTrue(r.out().length() < 12_000, "written out, the LaTeX was 15,695 characters: " + r.out().length());
        // the same through 'chainrule latex', whose picture (--png) typesets these blocks
        Run latex = run("latex", file(NETWORK + "derive L wrt x\n"));
        definedOnceBeforeUse(latexRows(latex.out()), LATEX_T);
        assumeTrue(Files.isDirectory(KatexRendersTest.KATEX.resolve("node_modules/katex")), "KaTeX is not installed in target/katex");
        assumeTrue(KatexRendersTest.nodeRuns(), "node is not on the PATH");
        List<String> math = LatexOutputs.math(r.out());
        assertEquals(java.util.Collections.nCopies(math.size(), "ok"), KatexRendersTest.render(math));
    }

    /** What 'latex FILE --png' draws: the same rows, and JLaTeXMath reads them. */
    @Test
    void thePictureHasTheNamesToo() throws IOException {
        chainrule.source.SourceFile f = new chainrule.source.SourceFile("long.nn", NETWORK + "derive L wrt x\n");
        var result = (chainrule.app.Result.Latex) chainrule.app.Answering.answer(new chainrule.app.Request.Latex(f, false, 1));
        String formula = LatexDocument.formula(LatexDerivation.blocks(result.program(), result.answers(), result.claims()));
        List<String[]> rows = new ArrayList<>();
        for (String line : formula.split(" \\\\\n|\n")) {
            if (line.contains(" &= ")) rows.add(new String[] {line.substring(0, line.indexOf(" &= ")), line.substring(line.indexOf(" &= ") + 4)});
        }
        definedOnceBeforeUse(rows, LATEX_T);
        assertTrue(LatexPicture.icon(formula, 20).getIconHeight() > 500, "a picture of every row");
    }

    /** A bare expression (at the REPL, say) that is long: its names, then the expression, which reads back. */
    @Test
    void aBareExpressionIsWrittenWithTheNames() throws IOException {
        String f = file(NETWORK + "d(L)/d(x)\n");
        Run r = run(f);
        assertEquals(Main.OK, r.status(), r.err());
        List<String[]> lines = definitions(r.out());
        definedOnceBeforeUse(lines, T);
        String[] last = r.out().strip().split("\n");
        String expression = last[last.length - 1].replaceAll("\\s{2,}\\S.*$", "");
        assertTrue(T.matcher(expression).find(), expression);
        Run back = readBack(lines, expression);
        assertEquals(Main.OK, back.status(), back.out() + back.err());
        Run latex = run(f, "--format", "latex");
        definedOnceBeforeUse(latexRows(latex.out()), LATEX_T);
    }

    @Test
    void aClaimMessageWritesTheExpectedAnswerWithTheNames() throws IOException {
        Run r = run("check", file(NETWORK + "claim d(L)/d(x) = x\n"), "--seed", "3");
        assertEquals(Main.FAILED, r.status(), r.err());
        String expected = r.out().substring(r.out().indexOf("    dL/dx = "));
        List<String[]> lines = definitions(expected);
        // the answer first, then "where" the names, each before its first use
        assertEquals("dL/dx", lines.get(0)[0]);
        assertTrue(expected.contains("\n      where t1 = softmax(x)\n"), expected);
        definedOnceBeforeUse(lines.subList(1, lines.size()), T);
        Run back = readBack(lines, lines.get(0)[1]);
        assertEquals(Main.OK, back.status(), back.out() + back.err());
    }
}
