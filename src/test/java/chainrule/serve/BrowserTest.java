package chainrule.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (Debian's chromium, driven through chromedriver): each seed example,
 * a network typed key by key, an error marked at its line, a claim's verdict, the share link, and
 * user text that stays text. Screenshots go to target/screenshots/.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static Server server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start(@TempDir Path profile) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("the browser test needs " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        }
        Assumptions.assumeTrue(present, "no chromium here: the browser test is skipped (it runs in CI)");
        server = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofSeconds(60), 2, 32));
        base = "http://127.0.0.1:" + server.port() + "/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    private static void open(String url) {
        browser.get(url);
        waiting().until(d -> d.findElements(By.cssSelector("#examples option")).size() > 1);
    }

    /** Until the page has answered what the editor holds now (no keystroke waiting, no request under way). */
    private static void settled() {
        waiting().until(d -> "idle".equals(((ChromeDriver) d).executeScript("return document.body.dataset.state")));
    }

    private static void shot(String name) throws IOException {
        File f = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The names in the shapes table, read in one step (the table is redrawn as answers come). */
    @SuppressWarnings("unchecked")
    private static List<String> shapeNames() {
        return (List<String>) ((ChromeDriver) browser).executeScript(
                "return Array.from(document.querySelectorAll('#shapes tbody td.name'), td => td.textContent)");
    }

    @Test
    void everySeedExampleIsAnswered() throws IOException {
        open(base);
        Select examples = new Select(browser.findElement(By.id("examples")));
        List<String> names = examples.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertEquals(5, names.size(), names.toString());
        for (String name : names) {
            examples.selectByValue(name);
            waiting().until(d -> d.findElement(By.id("source")).getAttribute("value").contains("derive"));
            settled();
            assertTrue(browser.findElements(By.cssSelector("#derivatives .katex")).size() > 0, name);
            assertTrue(browser.findElements(By.cssSelector("#claims .verdict")).size() > 0, name);
            assertFalse(shapeNames().isEmpty(), name);
            for (WebElement v : browser.findElements(By.cssSelector("#claims .verdict"))) {
                assertTrue(v.getText().matches("(correct|incorrect|shape-error|partly-correct).*"), v.getText());
            }
            assertTrue(browser.findElement(By.id("latex")).getAttribute("value").contains("\\begin{aligned}"), name);
            shot("seed-" + name);
        }
        // seed 003: its three claims, the last a shape error
        examples.selectByValue("003_mnist_sigmoid_softmax");
        settled();
        List<WebElement> verdicts = browser.findElements(By.cssSelector("#claims .verdict"));
        assertEquals(3, verdicts.size());
        assertEquals("shape-error", verdicts.get(2).getText());
        browser.manage().window().setSize(new Dimension(1400, 1900));
        shot("page-003");
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("phone-003");
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    /** The editor holds text, as if pasted; then the page has answered it. */
    private static void paste(String text) {
        open(base);
        ((ChromeDriver) browser).executeScript("const e = document.getElementById('source'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input'))", text);
        settled();
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(String css) {
        return (List<String>) ((ChromeDriver) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css);
    }

    /** SPEC §1's Hessian request and a Hessian-vector product as a bare expression, as the REPL takes them. */
    @Test
    void aHessianAndAHessianVectorProduct() throws IOException {
        paste("X : 5 x 3\ny : 5\nw : 3\nv : 3\nL = sum((X*w - y) .^ 2)\nderive hessian L wrt w\nhessian(L, w)*v\n"
                + "claim hessian(L, w) = 2*X'*X\n");
        shot("hessian");
        assertTrue(texts("#derivatives .derivative .kind").get(0).startsWith("hessian, 3 x 3"), texts("#derivatives .kind").toString());
        assertTrue(texts("#derivatives .derivative .plain").contains("2*X'*X"), texts("#derivatives .plain").toString());
        assertEquals(List.of("2*X'*X*v"), texts("#derivatives .expression .plain"));
        assertEquals(1, browser.findElements(By.cssSelector("#derivatives .expression .katex")).size());
        assertEquals(List.of("correct"), texts("#claims .verdict"));
    }

    /** A long answer's names (t1 = softmax(x), ...), each shown once, before the line that first uses it. */
    @Test
    void aLongAnswerShowsItsNames() throws IOException {
        paste(chainrule.render.LongAnswersTest.NETWORK + "derive L wrt x\n");
        shot("long-answer");
        List<String> plain = texts("#derivatives .derivative pre.plain");
        assertEquals(1, plain.size(), plain.toString());
        List<String> lines = plain.get(0).lines().toList();
        assertTrue(lines.get(0).startsWith("t1 = softmax(x)"), lines.toString());
        for (int i = 0; i < lines.size(); i++) assertTrue(lines.get(i).startsWith("t" + (i + 1) + " = "), lines.toString());
        // each typeset: the steps' box holds the names that the steps use first, the answer's box the rest
        int typeset = browser.findElements(By.cssSelector("#derivatives .derivative .steps .katex")).size();
        assertTrue(typeset >= lines.size(), typeset + " formulas for " + lines.size() + " names");
    }

    @Test
    void aNetworkTypedKeyByKey() throws IOException {
        open(base);
        WebElement editor = browser.findElement(By.id("source"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        String net = "x : 3\nW : 2 x 3\nh = tanh(W*x)\nL = sum(h)\nderive L wrt W\nclaim d(L)/d(W) = (1 - h .^ 2)*x'\n";
        for (char c : net.toCharArray()) editor.sendKeys(String.valueOf(c));
        settled();
        assertEquals(1, browser.findElements(By.cssSelector("#claims .verdict")).size());
        assertTrue(browser.findElements(By.cssSelector("#derivatives .katex")).size() > 0);
        assertEquals(List.of("x", "W", "h", "L"), shapeNames());
        assertEquals("correct", browser.findElement(By.cssSelector("#claims .verdict")).getText());
        assertTrue(browser.findElement(By.cssSelector("#derivatives .check")).getText().startsWith("numeric check: passed"));
        shot("typed");

        // a line whose shapes do not fit: marked at its line, in the gutter and in the list
        for (char c : "z = W*h\n".toCharArray()) editor.sendKeys(String.valueOf(c));
        settled();
        List<WebElement> marked = browser.findElements(By.cssSelector("#gutter .ln.error"));
        assertEquals(1, marked.size());
        assertEquals("7", marked.get(0).getAttribute("data-line"));
        WebElement error = browser.findElement(By.cssSelector("#errors li"));
        assertEquals("7", error.getAttribute("data-line"));
        assertTrue(error.getText().contains("line 7, column"), error.getText());
        shot("error");

        // the share link holds the problem: opened afresh, it restores it
        String typed = editor.getAttribute("value");
        browser.findElement(By.id("share")).click();
        String url = browser.findElement(By.id("share-url")).getAttribute("value");
        assertTrue(url.startsWith(base + "#src="), url);
        browser.get("about:blank");
        open(url);
        settled();
        assertEquals(typed, browser.findElement(By.id("source")).getAttribute("value"));
        assertEquals(1, browser.findElements(By.cssSelector("#gutter .ln.error[data-line='7']")).size());
    }

    @Test
    void userTextIsNeverHtml() {
        open(base);
        String evil = "# <img src=x onerror=\"document.title='pwned'\">\nx : 3\n<script>document.title='pwned'</script> = x\n";
        ((ChromeDriver) browser).executeScript(
                "const e = document.getElementById('source'); e.value = arguments[0]; e.dispatchEvent(new Event('input'));", evil);
        settled();
        assertTrue(browser.findElements(By.cssSelector("#errors li")).size() > 0);
        assertFalse(browser.getTitle().contains("pwned"));
        assertTrue(browser.findElements(By.cssSelector("#errors img, #errors script, #shapes img")).isEmpty());
        assertTrue(browser.findElement(By.id("errors")).getText().contains("<script>"), browser.findElement(By.id("errors")).getText());
    }
}
