package org.openjxc.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.PublicEndpoint;
import org.openjxc.web.ProblemWriter;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that reach the servlet container: problem+json for API paths, a friendly page with a
 * way back for people. Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ProblemWriter problems;

    ErrorPageController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    @PublicEndpoint("errors must render for anyone, logged in or not")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorCode code = codeFor(status);
        if (uri instanceof String path && path.startsWith("/api/")) {
            var problem = problems.problem(request, code, "error." + code.name() + ".detail", java.util.List.of());
            problem.put("instance", path);
            problems.write(response, status, problem);
            return null;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        var page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        page.addObject("titleKey", code.titleKey());
        // Only messages we wrote ourselves (business refusals) are shown; container messages may leak internals.
        page.addObject(
                "message",
                message instanceof String s && !s.isBlank() && status < 500 && code != ErrorCode.NOT_FOUND ? s : null);
        return page;
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.INVALID_STATE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }
}
