package org.openjxc.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjxc.web.NavigationEntry;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the menu the current user may see into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    record Section(String key, List<NavigationEntry> entries) {}

    private final List<NavigationEntry> entries;

    NavigationAdvice(List<NavigationEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
    }

    /**
     * Form fields and query parameters arrive trimmed, and empty ones as null, so no form has to
     * tell "" from "nothing entered".
     */
    @InitBinder
    void trimStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** The current path, for links that keep the user on the page (paging, export). */
    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The current query string without {@code page}, ending in {@code &} when not empty, so that
     * paging links keep the user's filters and sort.
     */
    @ModelAttribute("listQuery")
    String listQuery(HttpServletRequest request) {
        return queryWithout(request, "page=", "lang=");
    }

    /** The current filters alone, for sort links and exports. */
    @ModelAttribute("filterQuery")
    String filterQuery(HttpServletRequest request) {
        return queryWithout(request, "page=", "lang=", "sort=");
    }

    private static String queryWithout(HttpServletRequest request, String... dropped) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && Arrays.stream(dropped).noneMatch(p::startsWith))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : kept + "&";
    }

    @ModelAttribute("navigation")
    List<Section> navigation(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // REST controllers are controllers too and get the model built; an API answer has no menu.
        if (authentication == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return List.of();
        }
        var granted = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        Map<String, List<NavigationEntry>> sections = new LinkedHashMap<>();
        for (NavigationEntry entry : entries) {
            if (granted.contains(entry.permission())) {
                sections.computeIfAbsent(entry.section(), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        return sections.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue()))
                .toList();
    }
}
