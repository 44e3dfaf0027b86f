package cn.shanxi.lianban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the whole test run one partner drop-box root of its own, in a temporary folder,
 * so tests never write into the work tree and every test class shares one Spring context
 * (no per-class properties).
 */
public class TestDropboxRoot implements EnvironmentPostProcessor, Ordered {

	private static Path root;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		env.getPropertySources()
			.addFirst(new MapPropertySource("lianbanTestDropboxRoot", Map.of("lianban.dropbox.root", root().toString(),
					"lianban.partner-files.delay", "200", "lianban.partner-files.read-lock-check-interval", "200",
					"lianban.partner-files.read-lock-min-age", "0", "lianban.partner-files.redelivery-delay", "100",
					// test files are dropped under a temporary name and renamed: no need
					// to wait
					"lianban.partner-files.untracked-min-age", "0s")));
	}

	/** This run's drop-box root. */
	public static synchronized Path root() {
		if (root == null) {
			try {
				root = Files.createTempDirectory("lianban-dropbox-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return root;
	}

}
