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
 * The load generator ({@code bench/Posting.java}) on hot items, with the exact accounting the
 * scenario's summary cannot show: every unit either still in stock or in exactly one posted
 * document. The scenarios themselves run in {@link BenchmarkScenarioSmokeTests}.
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
