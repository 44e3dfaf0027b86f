package cn.shanxi.lianban.certificate;

/** The records partners send (CONTRACT.md §Certificates from partners). */
public enum RecordKind {

	/** 居民死亡医学证明(推断)书, from hospitals and health centres. */
	DEATH_MEDICAL,
	/** 公安非正常死亡证明, from the police. */
	DEATH_NON_NORMAL,
	/** 火化证明, from funeral homes on the day of cremation. */
	CREMATION;

	public boolean isDeath() {
		return this != CREMATION;
	}

}
