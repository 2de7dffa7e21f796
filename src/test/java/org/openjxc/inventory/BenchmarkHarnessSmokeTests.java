package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.io.IOException;
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
 * Runs the benchmark's load generator ({@code bench/Posting.java}) for a moment against the test
 * server, in both call styles, so that the harness cannot rot. Timing is not asserted: only that it
 * runs, posts, reports its summary line and leaves the ledger consistent.
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

    private String run(String warehouse, String items, String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("bench-smoke", ".txt");
        Process p = new ProcessBuilder(
                        java,
                        "bench/Posting.java",
                        "http://127.0.0.1:" + port,
                        f.api.token(),
                        warehouse,
                        items,
                        "2",
                        "2",
                        mode)
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
