package io.gongkai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.divisions.Divisions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewers' workbench in a real browser (Debian's headless chromium through chromium-driver) on the real
 * pipeline: upload reports on the upload page, open one, click a flagged cell, follow its provenance to the line of
 * the original, download the problem list. Screenshots go to e2e-tests/target/screenshots/ for people to look at.
 * Skips, saying why, where chromium or chromium-driver is not installed.
 */
class WorkbenchBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ROOT = Path.of(System.getProperty("gongkai.root", "..")).toAbsolutePath().normalize();
    private static final Path SHOTS = ROOT.resolve("e2e-tests/target/screenshots");
    private static final Path DOWNLOADS = ROOT.resolve("e2e-tests/target/downloads");
    private static final String TOKEN = "browser-" + UUID.randomUUID();
    /** The sample whose （七）总计 does not add up: an error on the 自然人 cell of that row. */
    private static final String FLAGGED_SAMPLE = "004_ca1fd1482ab00037.txt";
    private static final String FLAGGED_CELL = "applications.totalHandled.naturalPerson";
    private static final Duration PROCESSING = Duration.ofSeconds(120);

    private static RunningPipeline pipeline;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "workbench browser tests skipped: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " is missing (apt-get install chromium) ")
                    + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " is missing (apt-get install chromium-driver)");
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        pipeline = RunningPipeline.start(ROOT, TOKEN);
        base = pipeline.ingestUrl();
        browser = chromium();
    }

    /** Debian's chromium through Debian's chromium-driver: given explicitly, so Selenium never fetches a browser or driver. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aReviewerUploadsReportsOpensOneFollowsAFlaggedCellToTheOriginalAndDownloadsTheProblemList() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, PROCESSING);

        // Upload: the token typed once, two files at once, each row following its document to VALIDATED.
        browser.get(base + "/upload");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        Path flagged = ROOT.resolve("samples").resolve(FLAGGED_SAMPLE);
        // Besides the flagged one: another agency, and two years of one agency (获嘉县 2023 and 2021).
        List<Path> others = List.of(ROOT.resolve("samples/001_ff1f8276dec07d75.txt"), ROOT.resolve("samples/000_f8a12ae11966356f.txt"),
                ROOT.resolve("samples/003_0b343912e46db269.txt"));
        StringBuilder files = new StringBuilder(flagged.toString());
        others.forEach(p -> files.append('\n').append(p));
        browser.findElement(By.id("files")).sendKeys(files);
        By flaggedRow = By.xpath("//tr[td[1][normalize-space()='" + FLAGGED_SAMPLE + "']]");
        wait.until(ExpectedConditions.attributeToBe(flaggedRow, "data-state", "VALIDATED"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.upload[data-state='VALIDATED']"), 4));
        shot("upload");

        // Open the report from its row's link.
        WebElement link = browser.findElement(flaggedRow).findElement(By.cssSelector("td.result a"));
        String reportUrl = link.getAttribute("href");
        String documentId = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);
        link.click();
        wait.until(ExpectedConditions.urlToBe(reportUrl));
        WebElement cell = browser.findElement(By.cssSelector("td[data-path='" + FLAGGED_CELL + "']"));
        assertTrue(cell.getAttribute("class").contains("sev-error"), "the cell is marked as an error: " + cell.getAttribute("class"));
        String mark = cell.findElement(By.cssSelector("sup.marks a")).getText();
        WebElement beside = browser.findElement(By.cssSelector("#table-3 ol.findings li[value='" + mark + "']"));
        assertTrue(beside.getAttribute("class").contains("sev-error") && beside.getText().contains("总计"),
                "its finding is listed beside the table: " + beside.getText());
        shot("report");

        // Click the value: its provenance panel opens with the text as printed.
        String value = cell.findElement(By.tagName("a")).getText();
        cell.findElement(By.tagName("a")).click();
        WebElement panel = browser.findElement(By.id("cell-" + FLAGGED_CELL));
        wait.until(ExpectedConditions.visibilityOf(panel));
        String printed = panel.findElement(By.cssSelector("dd[data-raw]")).getText();
        assertTrue(printed.contains(value), "the panel shows the printed text " + printed + " of value " + value);
        assertTrue(panel.getText().contains("行"), panel.getText());
        shot("provenance");

        // The report's page as a PDF, downloaded through the browser (the server needs a CJK font; without one it
        // answers 503 with a problem saying which to install).
        int pdfStatus = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/reports/" + documentId + "/pdf")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        if (pdfStatus == 200) {
            browser.findElement(By.id("export-pdf")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> pdfDownloaded() != null);
            byte[] pdf = Files.readAllBytes(pdfDownloaded());
            assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "a PDF was downloaded");
        } else {
            assertEquals(503, pdfStatus, "no CJK font: a problem, not a crash");
        }

        // Follow it to the original: the line the value was read from is marked and holds that text.
        String source = panel.findElement(By.cssSelector("a.open-source")).getAttribute("href");
        browser.get(source);
        WebElement line = browser.findElement(By.cssSelector("ol.source li.marked"));
        assertTrue(line.getText().contains(printed), "the marked line " + line.getText() + " holds " + printed);
        shot("source");

        // The report list shows both, the one with errors first when sorted by errors.
        browser.get(base + "/reports?sort=errors&dir=desc");
        List<WebElement> rows = browser.findElements(By.cssSelector("#report-list tbody tr"));
        assertEquals(4, rows.size(), "every uploaded report is listed");
        assertTrue(rows.get(0).findElement(By.cssSelector("a")).getAttribute("href").endsWith(documentId), "the report with errors first");
        shot("reports");

        // The overview counts them by level and year; one agency's two years side by side.
        browser.get(base + "/overview");
        String overview = browser.findElement(By.id("overview")).getText();
        assertTrue(overview.contains("2023 年度") && overview.contains("2021 年度") && overview.contains("县级"), overview);
        shot("overview");
        // Drill down from the country to the province and city of 获嘉县 (its region as the pipeline resolved it): the
        // county's report is counted there, and its government has a report while the city's has none on file.
        // A build without npm has no division codes, so no regions: the drill-down needs them.
        if (Divisions.get().available()) {
            browser.findElement(By.cssSelector("#region-below")).findElement(By.linkText("河南省")).click();
            wait.until(ExpectedConditions.urlContains("region=410000"));
            browser.findElement(By.cssSelector("#region-below")).findElement(By.linkText("新乡市")).click();
            wait.until(ExpectedConditions.urlContains("region=410700"));
            WebElement county = browser.findElement(By.xpath("//table[@id='region-below']//tr[th/a[normalize-space()='获嘉县']]"));
            assertEquals("1", county.findElements(By.tagName("td")).get(1).getText(), "获嘉县's 2023 report: " + county.getText());
            WebElement government = browser.findElement(By.xpath("//table[@id='governments']//tr[td[1][normalize-space()='获嘉县人民政府']]"));
            assertTrue(government.getText().contains("已收到"), government.getText());
            WebElement city = browser.findElement(By.xpath("//table[@id='governments']//tr[td[1][normalize-space()='新乡市人民政府']]"));
            assertTrue(city.getText().contains("未见"), city.getText());
            shot("overview-region");
            county.findElement(By.linkText("1")).click();
            wait.until(ExpectedConditions.urlContains("region=410724"));
            assertEquals(1, browser.findElements(By.cssSelector("#report-list tbody tr")).size(), "the county's report listed");
        }
        browser.get(base + "/agency?name=" + java.net.URLEncoder.encode("获嘉县人民政府办公室", StandardCharsets.UTF_8));
        List<WebElement> years = browser.findElements(By.cssSelector("#agency-years tr.head th a"));
        assertEquals(List.of("2021", "2023"), years.stream().map(WebElement::getText).toList(), "its years, oldest first");
        // its key figures drawn as a chart: a point per year for the applications handled
        assertEquals(2, browser.findElements(By.xpath("//*[@id='key-figures']//*[local-name()='g']//*[local-name()='title'][starts-with(., '办理总计')]")).size(),
                "办理总计 for both years in the chart");
        shot("agency");

        // The problem list, downloaded as CSV.
        browser.get(base + "/problems?severity=error");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem-list")));
        assertTrue(browser.findElement(By.id("problem-list")).getText().contains("（七）总计"));
        shot("problems");
        browser.findElement(By.id("export-csv")).click();
        Path csv = DOWNLOADS.resolve("问题清单.csv");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(csv) && !Files.exists(Path.of(csv + ".crdownload")));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF机关,年度"), text);
        assertTrue(text.contains("APPLICATIONS_TOTAL_ROW"), text);
        assertTrue(text.contains("/reports/" + documentId + "#cell-" + FLAGGED_CELL), "rows link to the report's cell");

        // The same report as an HTML page written by LibreOffice Writer (the sample's lines as paragraphs and its tab
        // lines as tables, saved by Writer: its own markup, fonts and paragraphs in cells): uploaded, its flagged value
        // followed to the original, which opens at the table cell the value was read from, marked.
        browser.get(base + "/upload");
        if (browser.findElement(By.id("token")).getAttribute("value").isEmpty()) {
            browser.findElement(By.id("token")).sendKeys(TOKEN);
        }
        browser.findElement(By.id("files")).sendKeys(HTML_SAMPLE.toString());
        By htmlRow = By.xpath("//tr[td[1][normalize-space()='" + HTML_SAMPLE.getFileName() + "']]");
        wait.until(ExpectedConditions.attributeToBe(htmlRow, "data-state", "VALIDATED"));
        browser.get(browser.findElement(htmlRow).findElement(By.cssSelector("td.result a")).getAttribute("href"));
        WebElement htmlCell = browser.findElement(By.cssSelector("td[data-path='" + FLAGGED_CELL + "']"));
        // the same row's check: the cell is flagged, or used by the finding on its row
        assertTrue(htmlCell.getAttribute("class").matches(".*\\b(sev-error|involved)\\b.*"), htmlCell.getAttribute("class"));
        String htmlValue = htmlCell.findElement(By.tagName("a")).getText();
        htmlCell.findElement(By.tagName("a")).click();
        WebElement htmlPanel = browser.findElement(By.id("cell-" + FLAGGED_CELL));
        wait.until(ExpectedConditions.visibilityOf(htmlPanel));
        String atCell = htmlPanel.findElement(By.cssSelector("a.open-source")).getAttribute("href");
        assertTrue(atCell.contains("/original?table=") && atCell.endsWith("#gongkai-cell"), atCell);
        browser.get(atCell);
        WebElement marked = browser.findElement(By.id("gongkai-cell"));
        assertEquals(htmlValue, marked.getText().strip(), "the marked cell holds the value");
        assertTrue(marked.getAttribute("style").contains("outline"), marked.getAttribute("style"));
        // scrolled to it: the cell is below the first screen of a page several screens long, and the window shows it
        long top = marked.getLocation().getY();
        assertTrue(top > browser.manage().window().getSize().getHeight(), "the cell is below the first screen: " + top);
        Object scrolled = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", marked);
        assertEquals(Boolean.TRUE, scrolled, "the marked cell is in view");
        shot("html-cell");
    }

    /** The flagged sample as an HTML page saved by LibreOffice Writer (see the test's last part). */
    private static final Path HTML_SAMPLE = ROOT.resolve("e2e-tests/src/test/resources/workbench/004_libreoffice.html");

    /** The PDF the browser finished downloading, or null. */
    private static Path pdfDownloaded() {
        try (var files = Files.list(DOWNLOADS)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }
}
