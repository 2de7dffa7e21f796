package org.openjxc.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception of an API request into problem+json with a stable code: bad input is a
 * 4xx that says what is wrong, never a 500 or a stack trace. On pages, a business refusal
 * becomes the error page with its localized message; the rest falls to Spring's defaults.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final ProblemWriter problems;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    ApiExceptionResolver(ProblemWriter problems, io.micrometer.core.instrument.MeterRegistry meters) {
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        try {
            if (!request.getRequestURI().startsWith("/api/")) {
                return resolveForPage(request, response, ex);
            }
            BusinessException problem = translate(ex);
            // Refusals by code (INSUFFICIENT_STOCK, VERSION_CONFLICT, …): what integrations run into.
            meters.counter("openjxc.refusals", "code", problem.code().name()).increment();
            if (problem.code() == ErrorCode.INTERNAL_ERROR) {
                log.error(
                        "Unexpected error on {} {} [{}]",
                        request.getMethod(),
                        request.getRequestURI(),
                        problem.args().get(0),
                        ex);
            }
            if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedMethods() != null) {
                response.setHeader("Allow", String.join(", ", m.getSupportedMethods()));
            }
            problems.write(request, response, problem);
            return new ModelAndView();
        } catch (IOException io) {
            log.debug("Could not write problem response", io);
            return new ModelAndView();
        }
    }

    private ModelAndView resolveForPage(HttpServletRequest request, HttpServletResponse response, Exception ex)
            throws IOException {
        if (ex instanceof BusinessException e) {
            response.sendError(
                    e.code().status(),
                    problems.message(request, e.messageKey(), e.args().toArray()));
            return new ModelAndView();
        }
        return null;
    }

    /** Maps an exception to the refusal it stands for. */
    BusinessException translate(Exception ex) {
        if (ex instanceof BusinessException e) {
            return e;
        }
        if (ex instanceof AuthenticationException) {
            return new BusinessException(ErrorCode.UNAUTHENTICATED, "error.UNAUTHENTICATED.detail");
        }
        if (ex instanceof AccessDeniedException) {
            return new BusinessException(ErrorCode.FORBIDDEN, "error.FORBIDDEN.detail");
        }
        if (ex instanceof BindException e) {
            return BusinessException.invalid(e.getFieldErrors().stream()
                    .map(f -> FieldViolation.of(f.getField(), "error.field", f.getDefaultMessage()))
                    .toList());
        }
        if (ex instanceof HandlerMethodValidationException e) {
            return BusinessException.invalid(e.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream()
                            .map(err -> FieldViolation.of(
                                    r.getMethodParameter().getParameterName(), "error.field", err.getDefaultMessage())))
                    .toList());
        }
        if (ex instanceof HttpMessageNotReadableException e) {
            return unreadable(e);
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return BusinessException.invalid(e.getName(), "error.param.type", String.valueOf(e.getValue()));
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return BusinessException.invalid(e.getParameterName(), "error.param.missing");
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return BusinessException.invalid(e.getHeaderName(), "error.param.missing");
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return BusinessException.invalid(e.getRequestPartName(), "error.param.missing");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return new BusinessException(
                    ErrorCode.METHOD_NOT_ALLOWED, "error.METHOD_NOT_ALLOWED.detail", e.getMethod());
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return new BusinessException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "error.UNSUPPORTED_MEDIA_TYPE.detail",
                    String.valueOf(e.getContentType()));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return new BusinessException(ErrorCode.NOT_ACCEPTABLE, "error.NOT_ACCEPTABLE.detail");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return new BusinessException(ErrorCode.NOT_FOUND, "error.path.notFound");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE.detail");
        }
        if (ex instanceof DuplicateKeyException) {
            // A unique index caught a duplicate that slipped past the service's own check in a race.
            return new BusinessException(ErrorCode.DUPLICATE_CODE, "error.duplicate.race");
        }
        return new BusinessException(
                ErrorCode.INTERNAL_ERROR,
                "error.INTERNAL_ERROR.detail",
                UUID.randomUUID().toString());
    }

    private BusinessException unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE.detail");
            }
        }
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = path(j.getPath());
            if (j instanceof UnrecognizedPropertyException) {
                return BusinessException.invalid(field, "error.json.unknownField");
            }
            if (j instanceof InvalidFormatException f) {
                if (f.getTargetType() != null && f.getTargetType().isEnum()) {
                    return BusinessException.invalid(
                            field,
                            "error.json.enum",
                            String.valueOf(f.getValue()),
                            Arrays.toString(f.getTargetType().getEnumConstants()));
                }
                return BusinessException.invalid(field, "error.json.value", String.valueOf(f.getValue()));
            }
            if (j instanceof MismatchedInputException) {
                return BusinessException.invalid(field, "error.json.type");
            }
            return BusinessException.invalid(field, "error.json.malformed");
        }
        if (e.getCause() == null || e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
            return BusinessException.invalid("body", "error.json.missing");
        }
        return BusinessException.invalid("body", "error.json.malformed");
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : new ArrayList<>(references)) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
