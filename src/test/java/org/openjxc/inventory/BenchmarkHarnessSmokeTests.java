package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Runs the benchmark's drivers ({@code bench/Posting.java} in both call styles and on hot items,
 * {@code bench/Queries.java}) for a moment against the test server, so that the harness cannot rot.
 * Timing is not asserted: only that they run, report their summary line, and leave the ledger
 * consistent (and, on hot items, not oversold).
 */
@IntegrationTest
class BenchmarkHarnessSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
    }

    @Test
    void theLoadGeneratorPostsAndReportsInBothCallStyles() throws Exception {
        String wh = f.warehouse();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(f.item(false));
        }
        f.posted(
                "OTHER_INBOUND",
                wh,
                null,
                items.stream().map(i -> line(i, 100000, "price", 1)).toList());
        for (String mode : List.of("two-calls", "one-call")) {
            String out = run(wh, String.join(",", items), mode);
            assertThat(out).contains("BENCH scenario=posting mode=" + mode).contains(" errors=0");
            assertThat(out).doesNotContain("documents posted                 0\n");
        }
        f.assertConsistent();
    }

    /** The hot-item scenario: clients posting against three items until their stock runs out, never beyond. */
    @Test
    void hotItemsRunOutWithoutOverselling() throws Exception {
        String wh = f.warehouse();
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hot.add(f.item(false));
        }
        f.posted(
                "OTHER_INBOUND",
                wh,
                null,
                hot.stream().map(i -> line(i, 30, "price", 1)).toList());
        String out = java(
                "bench/Posting.java",
                "http://127.0.0.1:" + port,
                f.api.token(),
                wh,
                String.join(",", hot),
                "4",
                "2",
                "one-call");
        assertThat(out).contains("BENCH scenario=posting mode=one-call").contains(" errors=0");
        long posted = Long.parseLong(out.replaceAll("(?s).*documents posted\\s+(\\d+).*", "$1"));
        BigDecimal left = BigDecimal.ZERO;
        for (String item : hot) {
            BigDecimal onHand = f.onHand(item, wh);
            assertThat(onHand).isNotNegative();
            left = left.add(onHand);
        }
        // Every unit is either still there or in exactly one posted document of five.
        assertThat(left.add(BigDecimal.valueOf(posted * 5))).isEqualByComparingTo("90");
        f.assertConsistent();
    }

    /** The query scenario's driver: each read answers, and its summary line is printed. */
    @Test
    void theQueryDriverTimesEachRead() throws Exception {
        String wh = f.warehouse();
        String item = f.item(false);
        f.posted("OTHER_INBOUND", wh, null, List.of(line(item, 10, "price", 1)));
        String out = java("bench/Queries.java", "http://127.0.0.1:" + port, f.api.token(), item, wh, "3");
        assertThat(out)
                .contains("BENCH scenario=queries calls=3")
                .contains("as_of_p95_ms=")
                .contains("failures=0");
    }

    private String run(String warehouse, String items, String mode) throws IOException, InterruptedException {
        return java("bench/Posting.java", "http://127.0.0.1:" + port, f.api.token(), warehouse, items, "2", "2", mode);
    }

    private static String java(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("bench-smoke", ".txt");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
