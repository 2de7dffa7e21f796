package org.openjxc.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    /** Public by design: the page where people log in. */
    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
