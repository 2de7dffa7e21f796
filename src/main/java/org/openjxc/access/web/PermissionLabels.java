package org.openjxc.access.web;

import java.util.List;
import java.util.Locale;
import org.openjxc.access.PermissionView;
import org.springframework.context.MessageSource;

/**
 * Labels of permission points in the reader's language: per-type document permissions are
 * "action · document type" from the two message keys, the rest have a key of their own.
 */
final class PermissionLabels {

    private PermissionLabels() {}

    static List<PermissionView> of(List<PermissionView> permissions, MessageSource messages, Locale locale) {
        return permissions.stream()
                .map(p -> new PermissionView(p.code(), p.group(), label(p, messages, locale)))
                .toList();
    }

    static String label(PermissionView p, MessageSource messages, Locale locale) {
        String own = messages.getMessage("permission." + p.code(), null, null, locale);
        if (own != null) {
            return own;
        }
        if (p.code().endsWith("_" + p.group())) {
            String action = p.code().substring(0, p.code().length() - p.group().length() - 1);
            return messages.getMessage("permission.action." + action, null, action, locale) + " · "
                    + group(p.group(), messages, locale);
        }
        return p.code();
    }

    static String group(String group, MessageSource messages, Locale locale) {
        String own = messages.getMessage("permission.group." + group, null, null, locale);
        return own != null ? own : messages.getMessage("documentType." + group, null, group, locale);
    }
}
