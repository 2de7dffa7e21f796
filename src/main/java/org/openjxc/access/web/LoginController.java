package org.openjxc.access.web;

import org.openjxc.shared.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    @PublicEndpoint("the page where people log in")
    String login() {
        return "access/login";
    }
}
