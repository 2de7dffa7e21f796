package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openjxc.access.NewUser;
import org.openjxc.access.UserView;
import org.openjxc.access.Users;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users of the caller's company. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApiController {

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @RequiresPermission(Permission.MANAGE_USERS)
    PageResult<UserView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return users.list(Actors.require(), q, PageQuery.of(page, size, sort));
    }

    @GetMapping("/{username}")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView get(@PathVariable String username) {
        return users.get(Actors.require(), username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView create(@Valid @RequestBody NewUser command) {
        return users.create(Actors.require(), command);
    }

    @PostMapping("/{username}/disable")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView disable(@PathVariable String username) {
        return users.disable(Actors.require(), username);
    }
}
