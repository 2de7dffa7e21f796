import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posting load: each client creates a 5-line outbound document and posts it, again and again,
 * for the given time. Run with the JDK alone:
 * java bench/Posting.java URL TOKEN WAREHOUSE ITEMS CONCURRENCY SECONDS [MODE]
 * where ITEMS is a comma-separated list of item codes and MODE is "two-calls" (create, then
 * post: what the web page does) or "one-call" (POST /api/v1/documents?post=true: what a till or a
 * shop integration does). Prints a table and one "BENCH" line.
 */
public class Posting {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String warehouse = args[2];
        String[] items = args[3].split(",");
        int concurrency = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        boolean oneCall = args.length > 6 && args[6].equals("one-call");
        List<Long> postMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> documentMillis = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicInteger posted = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long seed = t;
            new Thread(() -> {
                Random random = new Random(seed);
                Http http = new Http(URI.create(base));
                try {
                    while (System.nanoTime() < deadline) {
                        StringBuilder lines = new StringBuilder();
                        for (int l = 0; l < 5; l++) {
                            if (l > 0) {
                                lines.append(',');
                            }
                            lines.append("{\"item\":\"").append(items[random.nextInt(items.length)])
                                    .append("\",\"qty\":1}");
                        }
                        String body = "{\"type\":\"OTHER_OUTBOUND\",\"warehouse\":\"" + warehouse + "\",\"lines\":["
                                + lines + "]}";
                        long t0 = System.nanoTime();
                        if (oneCall) {
                            var both = http.post("/api/v1/documents?post=true", token, body);
                            long t1 = System.nanoTime();
                            if (both.statusCode() == 201 && both.body().contains("\"status\":\"POSTED\"")) {
                                posted.incrementAndGet();
                                postMillis.add((t1 - t0) / 1_000_000);
                                documentMillis.add((t1 - t0) / 1_000_000);
                            } else {
                                String code = both.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1");
                                errors.computeIfAbsent("create+post " + both.statusCode() + " " + code,
                                        k -> new AtomicInteger()).incrementAndGet();
                            }
                            continue;
                        }
                        var created = http.post("/api/v1/documents", token, body);
                        if (created.statusCode() != 201) {
                            errors.computeIfAbsent("create " + created.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        String json = created.body();
                        int at = json.indexOf("\"id\":") + 5;
                        String id = json.substring(at, json.indexOf(',', at));
                        long t1 = System.nanoTime();
                        var post = http.post("/api/v1/documents/" + id + "/post", token, "{}");
                        long t2 = System.nanoTime();
                        if (post.statusCode() == 200) {
                            posted.incrementAndGet();
                            postMillis.add((t2 - t1) / 1_000_000);
                            documentMillis.add((t2 - t0) / 1_000_000);
                        } else {
                            String code = post.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1");
                            errors.computeIfAbsent("post " + post.statusCode() + " " + code, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } finally {
                    http.close();
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double docs = posted.get() / elapsed;
        System.out.printf("%-32s %d%n", "concurrency", concurrency);
        System.out.printf("%-32s %.1f%n", "seconds", elapsed);
        System.out.printf("%-32s %d%n", "documents posted", posted.get());
        System.out.printf("%-32s %.1f%n", "documents per second", docs);
        System.out.printf("%-32s %.0f%n", "lines per second", docs * 5);
        System.out.printf("%-32s %d / %d / %d%n", "post call p50/p95/p99 (ms)", pct(postMillis, 50), pct(postMillis, 95),
                pct(postMillis, 99));
        System.out.printf("%-32s %d / %d / %d%n", "create+post p50/p95/p99 (ms)", pct(documentMillis, 50),
                pct(documentMillis, 95), pct(documentMillis, 99));
        System.out.printf("%-32s %s%n", "errors", errors);
        System.out.printf("%-32s %s%n", "mode", oneCall ? "one-call" : "two-calls");
        // Refusals for want of stock are answers, not failures (the hot-item scenario expects them).
        int insufficient = errors.entrySet().stream()
                .filter(e -> e.getKey().endsWith("INSUFFICIENT_STOCK"))
                .mapToInt(e -> e.getValue().get())
                .sum();
        System.out.printf("BENCH scenario=posting mode=%s concurrency=%d docs_per_s=%.1f lines_per_s=%.0f post_p99_ms=%d doc_p99_ms=%d insufficient=%d errors=%d%n",
                oneCall ? "one-call" : "two-calls", concurrency, docs, docs * 5, pct(postMillis, 99), pct(documentMillis, 99),
                insufficient, errors.values().stream().mapToInt(AtomicInteger::get).sum() - insufficient);
    }

    record Response(int statusCode, String body) {}

    /**
     * HTTP/1.1 over one kept-alive socket per client, as a load generator in C would do it. The
     * JDK's HttpClient (a selector thread and futures per exchange) took a quarter of this 2-core
     * machine away from the server it was measuring.
     */
    static final class Http {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Http(URI base) {
            this.host = base.getHost();
            this.port = base.getPort();
        }

        Response post(String path, String token, String body) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + content.length + "\r\n\r\n";
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + content.length);
            request.write(head.getBytes(StandardCharsets.ISO_8859_1));
            request.write(content);
            try {
                request.writeTo(out);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase();
                String value = h.substring(h.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {}
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            if (closing) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
