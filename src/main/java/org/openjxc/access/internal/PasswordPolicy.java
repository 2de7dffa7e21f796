package org.openjxc.access.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: 8 to 72 characters (bcrypt reads no further), letters and digits,
 * not the username and not one of the passwords tried first by anyone guessing.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password123",
            "12345678",
            "123456789",
            "1234567890",
            "qwerty123",
            "admin123",
            "abc12345",
            "a1234567",
            "11111111",
            "88888888",
            "iloveyou1",
            "woaini1314");

    private PasswordPolicy() {}

    /** The message key of the first rule broken, or empty if the password is acceptable. */
    public static Optional<String> violation(String username, String password) {
        if (password == null || password.length() < 8 || password.length() > 72) {
            return Optional.of("openjxc.password.size");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return Optional.of("error.password.lettersAndDigits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("error.password.containsUsername");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("error.password.common");
        }
        return Optional.empty();
    }
}
