package cn.shanxi.lianban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 公民身后"一件事"联办服务 — the integration hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LianbanApplication {

	public static void main(String[] args) {
		SpringApplication.run(LianbanApplication.class, args);
	}

}
