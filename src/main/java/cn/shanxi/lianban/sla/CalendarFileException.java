package cn.shanxi.lianban.sla;

/**
 * A calendar file that cannot be used as written. The message names the file and each
 * date or line that is wrong, for the operator who edits it.
 */
public class CalendarFileException extends IllegalStateException {

	CalendarFileException(String message) {
		super(message);
	}

	CalendarFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
