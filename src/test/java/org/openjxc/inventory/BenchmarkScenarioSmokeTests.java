package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A small run of every scenario of {@code bench/run}, each in a company of its own on the test
 * server and database (H2 reached through a TCP server on loopback, or PostgreSQL), so that the
 * harness cannot rot: the scripts, their SQL on both databases, and the drivers. Timing is not
 * asserted: only that each scenario finishes, prints its summary line, and leaves the ledger
 * consistent.
 */
@IntegrationTest
class BenchmarkScenarioSmokeTests {

    private static Server h2;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @AfterAll
    static void stopH2() {
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void generate() throws Exception {
        assertThat(run("generate", "--scale", "tiny"))
                .contains("BENCH scenario=generate")
                .contains("verify=true");
    }

    @Test
    void importItems() throws Exception {
        assertThat(run("import-items", "--rows", "50"))
                .contains("BENCH scenario=import-items rows=50 status=200 imported=50");
    }

    @Test
    void posting() throws Exception {
        assertThat(run("posting", "--concurrency", "2", "--duration", "1"))
                .containsPattern("BENCH scenario=posting mode=two-calls .* errors=0")
                .containsPattern("BENCH scenario=posting mode=one-call .* errors=0")
                .contains("BENCH scenario=big-document lines=1000")
                .contains("verify=true");
    }

    @Test
    void hotItems() throws Exception {
        assertThat(run("hot-items", "--concurrency", "2", "--duration", "1"))
                .containsPattern("BENCH scenario=posting mode=one-call .* errors=0")
                .contains("BENCH scenario=hot-items concurrency=2 oversold=0")
                .contains("verify=true");
    }

    @Test
    void queries() throws Exception {
        assertThat(run("queries", "--moves", "2000"))
                .containsPattern("BENCH scenario=queries calls=2 .* failures=0")
                .contains("BENCH scenario=queries-ledger")
                .contains("moves=2000")
                .contains("consistent=true");
    }

    @Test
    void revalue() throws Exception {
        assertThat(run("revalue", "--moves", "2000", "--hot", "30"))
                .contains("BENCH scenario=revalue")
                .contains("verify=true");
    }

    @Test
    void reports() throws Exception {
        assertThat(run("reports", "--moves", "2000", "--items", "200"))
                .contains("BENCH scenario=reports moves=2000")
                .contains("verify=true");
    }

    @Test
    void counts() throws Exception {
        assertThat(run("counts", "--positions", "40"))
                .contains("BENCH scenario=counts positions=40 differences=2")
                .contains("status=APPROVED verify=true");
    }

    @Test
    void suggestions() throws Exception {
        assertThat(run("suggestions", "--pairs", "100"))
                .contains("BENCH scenario=suggestions pairs=100")
                .contains("verify=true");
    }

    /** Runs {@code bench/run} with these arguments against this server, in a new company. */
    private String run(String... args) throws IOException, InterruptedException, SQLException {
        assumeTrue(onPath("bash") && onPath("curl"), "bench/run needs bash and curl");
        var company = TestCompanies.company(context, port);
        List<String> command = new ArrayList<>(List.of("bash", "bench/run"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("bench-scenario", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = pb.environment();
        env.put("BENCH_SERVER_URL", "http://127.0.0.1:" + port);
        env.put("BENCH_TOKEN", company.api().token());
        env.put("BENCH_COMPANY", Long.toString(company.id()));
        env.put("BENCH_ADMIN", company.admin());
        env.put("BENCH_JDBC_URL", jdbcUrl());
        env.put("BENCH_JDBC_USER", environment.getProperty("spring.datasource.username", "sa"));
        env.put("BENCH_JDBC_PASSWORD", environment.getProperty("spring.datasource.password", ""));
        env.put("BENCH_DRIVERS", System.getProperty("java.class.path"));
        env.put("BENCH_WARM", "1");
        env.put("BENCH_CALLS", "2");
        // The scenario's own java, the one running the tests.
        Path javaHome = Path.of(System.getProperty("java.home"), "bin");
        env.put("PATH", javaHome + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The test database as another process reaches it: H2's in-memory one through a TCP server. */
    private String jdbcUrl() throws IOException, SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        if (!url.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        synchronized (BenchmarkScenarioSmokeTests.class) {
            if (h2 == null) {
                int free;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    free = s.getLocalPort();
                }
                h2 = Server.createTcpServer("-tcpPort", Integer.toString(free), "-ifExists")
                        .start();
            }
        }
        return "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:" + url.substring("jdbc:h2:mem:".length());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
