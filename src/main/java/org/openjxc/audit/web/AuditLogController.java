package org.openjxc.audit.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.openjxc.audit.AuditEntry;
import org.openjxc.audit.AuditLog;
import org.openjxc.audit.AuditMarker;
import org.openjxc.audit.AuditQuery;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log: a filtered, paged page, its Excel export, and {@code GET /api/v1/audit-log}. */
@Controller
@Tag(name = "Audit log")
class AuditLogController {

    private static final int EXPORT_PAGE = 500;

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @Bean
    static NavigationEntry auditNavigation() {
        return new NavigationEntry("nav.section.system", "nav.auditLog", "/audit-log", "VIEW_AUDIT_LOG", 910);
    }

    @GetMapping("/api/v1/audit-log")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_AUDIT_LOG)
    PageResult<AuditEntry> api(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditMarker marker,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return audit.find(
                wholeCompany(),
                new AuditQuery(user, entity, key, action, from, to, marker),
                PageQuery.of(page, size, sort));
    }

    @GetMapping("/audit-log")
    @RequiresPermission(Permission.VIEW_AUDIT_LOG)
    String page(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditMarker marker,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        var query = new AuditQuery(user, entity, key, action, from, to, marker);
        model.addAttribute("query", query);
        model.addAttribute("markers", AuditMarker.values());
        model.addAttribute("sort", sort);
        model.addAttribute("result", audit.find(wholeCompany(), query, PageQuery.of(page, 50, sort)));
        return "audit/audit-log";
    }

    @GetMapping("/audit-log/export")
    @RequiresPermission(Permission.VIEW_AUDIT_LOG)
    void export(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditMarker marker,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort,
            HttpServletResponse response)
            throws IOException {
        var query = new AuditQuery(user, entity, key, action, from, to, marker);
        long company = wholeCompany();
        PageQuery first = PageQuery.of(0, EXPORT_PAGE, sort);
        ExcelExport.write(
                response,
                "audit-log.xlsx",
                List.of("time", "user", "ip", "userAgent", "action", "marker", "entity", "key", "before", "after"),
                sink -> {
                    PageQuery pageQuery = first;
                    while (true) {
                        var result = audit.find(company, query, pageQuery);
                        for (AuditEntry e : result.items()) {
                            sink.accept(java.util.Arrays.asList(
                                    e.occurredAt(),
                                    e.username(),
                                    e.clientIp(),
                                    e.userAgent(),
                                    e.action(),
                                    e.marker() == null ? null : e.marker().name(),
                                    e.entityType(),
                                    e.entityKey(),
                                    e.before(),
                                    e.after()));
                        }
                        if (result.items().size() < EXPORT_PAGE) {
                            break;
                        }
                        pageQuery = PageQuery.of(pageQuery.page() + 1, EXPORT_PAGE, sort);
                    }
                });
    }

    /** The log names records of every warehouse: it is for users who see the whole company. */
    private static long wholeCompany() {
        var actor = Actors.require();
        actor.scope().requireWholeCompany();
        return actor.companyId();
    }
}
