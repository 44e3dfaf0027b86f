package cn.shanxi.lianban.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * A material is what its first bytes claim: a JPEG or PNG decodes as an image (of a sane
 * size: a few bytes claiming a gigapixel would take the heap), a PDF parses, has a page,
 * and carries no JavaScript, launch or other actions that run something, and no embedded
 * or attached files. A clerk opens these files; a scan is none of that.
 */
final class MaterialChecks {

	/** More pixels than any scan of an ID card or a household register page needs. */
	static final long MAX_PIXELS = 80_000_000L;

	static final int MAX_SIDE = 20_000;

	/**
	 * Actions that run a program or a script, open another file or a web address, or send
	 * the form somewhere: none has a place in a scan a clerk opens.
	 */
	private static final Set<String> RUNNING_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "SubmitForm",
			"RichMediaExecute", "Rendition", "GoToE", "GoToR", "URI");

	private MaterialChecks() {
	}

	/** Why the content is not the image its type says, or {@code null} when it is one. */
	static Refusal image(byte[] content, String contentType) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
			if (!readers.hasNext()) {
				return new Refusal("attachment.notAnImage", "无法识别的图片", "not an image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
					return new Refusal("attachment.imageSize", "图片尺寸异常（" + width + "×" + height + "）",
							"the image's size is implausible (" + width + "×" + height + ")");
				}
				// every pixel decoded, one in 64 kept: the whole file is read, little
				// memory
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(8, 8, 0, 0);
				if (reader.read(0, param) == null) {
					return new Refusal("attachment.notAnImage", "文件无法解码为图片", "the file does not decode as an image");
				}
			}
			finally {
				reader.dispose();
			}
			if ("image/png".equals(contentType) && !endsWithIend(content)) {
				return new Refusal("attachment.trailingData", "PNG 图片结束后还有其他内容",
						"there is other content after the PNG image");
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return new Refusal("attachment.notAnImage", "文件无法解码为图片", "the file does not decode as an image");
		}
	}

	/** Why the content is not a plain PDF, or {@code null} when it is one. */
	static Refusal pdf(byte[] content) {
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.getNumberOfPages() < 1) {
				return new Refusal("attachment.pdfEmpty", "PDF 文件没有页面", "the PDF has no page");
			}
			return scan(document.getDocument());
		}
		catch (InvalidPasswordException ex) {
			return new Refusal("attachment.pdfEncrypted", "PDF 文件已加密，无法查看", "the PDF is encrypted");
		}
		catch (IOException | RuntimeException ex) {
			return new Refusal("attachment.pdfUnreadable", "PDF 文件无法解析（文件损坏或不完整）",
					"the PDF cannot be parsed (damaged or incomplete)");
		}
	}

	/**
	 * Every object of the file, referenced or not, looked through: an action that runs
	 * something, a script, an embedded or attached file, an XFA form.
	 */
	private static Refusal scan(COSDocument document) throws IOException {
		Deque<COSBase> todo = new ArrayDeque<>();
		todo.add(document.getTrailer());
		for (COSObjectKey key : document.getXrefTable().keySet()) {
			COSObject object = document.getObjectFromPool(key);
			if (object != null) {
				todo.add(object.getObject() != null ? object.getObject() : object);
			}
		}
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		while (!todo.isEmpty()) {
			COSBase base = todo.pop();
			if (base instanceof COSObject) {
				continue; // indirect objects are all in the list already
			}
			if (base == null || !seen.add(base)) {
				continue;
			}
			if (base instanceof COSDictionary dict) {
				Refusal found = inspect(dict);
				if (found != null) {
					return found;
				}
				for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
					todo.push(e.getValue());
				}
			}
			else if (base instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					todo.push(array.get(i));
				}
			}
		}
		return null;
	}

	private static Refusal inspect(COSDictionary dict) {
		if (dict.containsKey(COSName.JS) || dict.containsKey(COSName.JAVA_SCRIPT)
				|| "JavaScript".equals(dict.getNameAsString(COSName.S))) {
			return new Refusal("attachment.pdfScript", "PDF 文件含有脚本（JavaScript）", "the PDF carries JavaScript");
		}
		String action = dict.getNameAsString(COSName.S);
		if (action != null && RUNNING_ACTIONS.contains(action)
				&& (dict.containsKey(COSName.TYPE) ? "Action".equals(dict.getNameAsString(COSName.TYPE)) : true)) {
			return new Refusal("attachment.pdfAction", "PDF 文件含有会执行操作的动作（" + action + "）",
					"the PDF carries an action that runs something (" + action + ")");
		}
		if (dict.containsKey(COSName.EMBEDDED_FILES) || dict.containsKey(COSName.EF)
				|| "EmbeddedFile".equals(dict.getNameAsString(COSName.TYPE))
				|| "FileAttachment".equals(dict.getNameAsString(COSName.SUBTYPE))) {
			return new Refusal("attachment.pdfEmbeddedFile", "PDF 文件含有嵌入或附加的文件", "the PDF carries an embedded file");
		}
		if (dict.containsKey(COSName.getPDFName("XFA"))) {
			return new Refusal("attachment.pdfForm", "PDF 文件含有 XFA 表单", "the PDF carries an XFA form");
		}
		return null;
	}

	private static boolean endsWithIend(byte[] b) {
		int n = b.length;
		// the IEND chunk: length 0, "IEND", CRC AE 42 60 82
		return n >= 12 && b[n - 8] == 'I' && b[n - 7] == 'E' && b[n - 6] == 'N' && b[n - 5] == 'D'
				&& (b[n - 4] & 0xFF) == 0xAE && (b[n - 3] & 0xFF) == 0x42 && (b[n - 2] & 0xFF) == 0x60
				&& (b[n - 1] & 0xFF) == 0x82;
	}

	/** Why a material is refused, in Chinese and English. */
	record Refusal(String code, String zh, String en) {
	}

}
