package org.openjxc.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.function.UnaryOperator;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Puts a command's validation problems next to the fields of a page form: Bean Validation first,
 * then the service's own refusals. Field paths are the command's ({@code units[0].factor});
 * {@code fieldOfForm} maps the few that the form shows differently.
 */
@Component
public class FormErrors {

    private final Validator validator;
    private final ProblemWriter problems;

    FormErrors(Validator validator, ProblemWriter problems) {
        this.validator = validator;
        this.problems = problems;
    }

    /** Validates the command; true when it is valid. */
    public boolean validate(Object command, BindingResult result, UnaryOperator<String> fieldOfForm) {
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            reject(result, fieldOfForm.apply(v.getPropertyPath().toString()), v.getMessage());
        }
        return !result.hasErrors();
    }

    /**
     * The page form's whole round: validates the command, runs the action, and puts every
     * problem beside its field. Empty when the form must be shown again.
     */
    public <T> java.util.Optional<T> attempt(
            Object command,
            BindingResult result,
            UnaryOperator<String> fieldOfForm,
            java.util.function.Supplier<T> action) {
        if (!validate(command, result, fieldOfForm)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(action.get());
        } catch (BusinessException e) {
            apply(e, result, fieldOfForm);
            return java.util.Optional.empty();
        }
    }

    /** Shows a service refusal: field errors beside their fields, anything else above the form. */
    public void apply(BusinessException e, BindingResult result, UnaryOperator<String> fieldOfForm) {
        var locale = LocaleContextHolder.getLocale();
        if (e.violations().isEmpty()) {
            result.reject(
                    e.code().name(),
                    problems.message(locale, e.messageKey(), e.args().toArray()));
            return;
        }
        for (FieldViolation v : e.violations()) {
            reject(
                    result,
                    fieldOfForm.apply(v.field()),
                    problems.message(locale, v.messageKey(), v.args().toArray()));
        }
    }

    private static void reject(BindingResult result, String field, String message) {
        try {
            result.rejectValue(field, "invalid", message);
        } catch (RuntimeException notAFormField) {
            result.reject("invalid", field + ": " + message);
        }
    }
}
