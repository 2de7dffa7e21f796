package org.openjxc.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal of a command for a business reason. It carries a stable {@link ErrorCode}, a
 * message key with arguments for the localized detail, the facts behind it (item, warehouse,
 * needed, available …) and, for validation, the offending fields. Thrown before anything is
 * written, or inside the command's transaction so that nothing is kept.
 */
public class BusinessException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient List<Object> args;
    private final transient Map<String, Object> facts;
    private final List<FieldViolation> violations;

    public BusinessException(ErrorCode code, String messageKey, Object... args) {
        this(code, messageKey, List.of(args), Map.of(), List.of());
    }

    private BusinessException(
            ErrorCode code,
            String messageKey,
            List<Object> args,
            Map<String, Object> facts,
            List<FieldViolation> violations) {
        super(code + ": " + messageKey + " " + args + (facts.isEmpty() ? "" : " " + facts)
                + (violations.isEmpty() ? "" : " " + violations));
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.facts = facts;
        this.violations = violations;
    }

    public static BusinessException notFound(String entity, Object key) {
        return new BusinessException(ErrorCode.NOT_FOUND, "error.notFound", entity, key);
    }

    public static BusinessException duplicateCode(String entity, String field, Object code) {
        return new BusinessException(
                ErrorCode.DUPLICATE_CODE,
                "error.duplicateCode",
                List.of(entity, code),
                Map.of(),
                List.of(FieldViolation.of(field, "error.duplicateCode", entity, code)));
    }

    public static BusinessException invalid(List<FieldViolation> violations) {
        return new BusinessException(
                ErrorCode.VALIDATION_FAILED, "error.VALIDATION_FAILED.detail", List.of(), Map.of(), violations);
    }

    public static BusinessException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(FieldViolation.of(field, messageKey, args)));
    }

    /** A copy carrying facts that clients can act on without parsing the message. */
    public BusinessException withFact(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(name, value);
        return new BusinessException(code, messageKey, args, Map.copyOf(more), violations);
    }

    /** A copy that also names the offending fields. */
    public BusinessException withViolations(List<FieldViolation> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(violations);
        all.addAll(more);
        return new BusinessException(code, messageKey, args, facts, List.copyOf(all));
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
