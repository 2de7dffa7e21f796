package org.openjxc.access.web;

import org.openjxc.access.Users;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The users page. */
@Controller
class UsersPageController {

    private final Users users;

    UsersPageController(Users users) {
        this.users = users;
    }

    @Bean
    static NavigationEntry usersNavigation() {
        return new NavigationEntry("nav.section.system", "nav.users", "/users", "MANAGE_USERS", 900);
    }

    @GetMapping("/users")
    @RequiresPermission(Permission.MANAGE_USERS)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("result", users.list(Actors.require(), q, PageQuery.of(page, 50, sort)));
        return "access/users";
    }
}
