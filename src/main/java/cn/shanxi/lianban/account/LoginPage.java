package cn.shanxi.lianban.account;

import cn.shanxi.lianban.access.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /login}: the form persons log in with (fields {@code username} and
 * {@code password}; Spring Security takes the POST), listing the demo people of the
 * embedded default. {@code /}: where a person lands once logged in.
 */
@Controller
class LoginPage {

	private final AccountProperties properties;

	LoginPage(AccountProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoPeople", this.properties.demoPeople());
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor me, Model model) {
		model.addAttribute("me", me);
		return "home";
	}

}
