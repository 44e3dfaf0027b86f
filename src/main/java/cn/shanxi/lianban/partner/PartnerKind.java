package cn.shanxi.lianban.partner;

/** The kinds of partner that push records to the hub. */
public enum PartnerKind {

	/** 医疗机构: deaths after treatment. */
	HOSPITAL,
	/** 社区卫生服务机构/乡镇卫生院: normal deaths elsewhere. */
	HEALTH_CENTRE,
	/** 公安机关: non-normal deaths. */
	POLICE,
	/** 殡仪馆: cremation certificates. */
	FUNERAL_HOME

}
