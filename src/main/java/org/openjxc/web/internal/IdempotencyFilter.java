package org.openjxc.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Text;
import org.openjxc.web.ProblemWriter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on API POSTs: the first request with a key runs and its answer is
 * stored; a replay with the same key and body gets that answer again and changes nothing; the
 * same key with another body is refused (422), and a replay while the first is still running
 * gets 409. Answers of 5xx are not kept, so a retry after a crash runs again.
 */
@Component
@Order(10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = Actors.current();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            problems.write(request, response, ErrorCode.VALIDATION_FAILED, "error.idempotencyKey.invalid");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyLimitFilter.BodyTooLargeException e) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE.detail");
            return;
        }
        long company = actor.get().companyId();
        long user = actor.get().userId();
        String hash = hash(request, body);
        if (!records.claim(company, user, key, hash)) {
            replay(request, response, records.find(company, user, key).orElse(null), hash);
            return;
        }
        var cachedResponse = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), cachedResponse);
            int status = cachedResponse.getStatus();
            if (status < 500) {
                records.complete(
                        company,
                        user,
                        key,
                        status,
                        cachedResponse.getContentType(),
                        new String(cachedResponse.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(company, user, key);
            }
            cachedResponse.copyBodyToResponse();
        }
    }

    private void replay(
            HttpServletRequest request, HttpServletResponse response, IdempotencyRecords.Stored stored, String hash)
            throws IOException {
        if (stored == null || !stored.completed()) {
            problems.write(request, response, ErrorCode.REQUEST_IN_PROGRESS, "error.REQUEST_IN_PROGRESS.detail");
        } else if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED, "error.IDEMPOTENCY_KEY_REUSED.detail");
        } else {
            response.setStatus(stored.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.body() != null) {
                response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        return Text.sha256Hex(Text.utf8(request.getRequestURI() + "?" + request.getQueryString() + "\n"), body);
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
