"""Chinese function words and name-building suffixes that decide where a full form starts.

General grammar, not names: prepositions, particles, determiners and governing verbs cannot
open a name, so the full form starts after them; conjunctions may sit inside a name
(`经济合作与发展组织`) but not right after a complete entity (`环境署与…`).
"""

from __future__ import annotations

# Words that never open a name and cannot be crossed walking left from a full form.
STOP_WORDS = frozenset(
    """
    由 系 是 乃 为 于 在 对 向 从 自 把 被 将 经 经由 通过 根据 按照 依照 依据 关于
    对于 至于 就 同 跟 给 让 请 使 令 以 凭 据 除 除了 随着 作为 成为 包括 包含 例如
    比如 如 即 亦即 尤其 尤其是 特别 特别是 主要 主要是 以及 并 并且 而 而且 但 但是 也
    还 又 都 已 已经 曾 曾经 正 正在 将要 要 应 应当 必须 可 可以 能 能够 会 了 着
    过 等 等等 之间 方面 期间 以来 之后 之前 以后 以前 目前 此外 另外 其中 其 该 本 此
    这 这些 那些 这个 各 各个 每 每个 所有 其他 其它 有关 相关 上述 下述 下列 前述 上文 下文
    与其 及其 向其 由其 即将 一直 继续 共同 分别 均 亦 仍 再 又称 称为 称作 名为 叫做 叫作 简称
    以下 设立 建立 成立 设置 组建 创建 创立 召开 举行 举办 主办 承办 参加 参与 出席 支持 协助 加强 邀请
    鼓励 呼吁 欢迎 感谢 赞赏 注意到 请求 要求 委托 授权 提交 介绍 指出 表示 认为 决定
    同意 批准 实施 执行 开展 进行 编写 编制 发布 发起 启动 领导 牵头 资助 提供 代表 开发
    利用 使用 采用 借鉴 包含 涉及 称 指 向来 负责 担任 作出 做出 接受 收到 获得 得到
    建议 报告称 强调 重申 回顾 忆及 提及 提到 赞扬 报告 按 任命 提名 指控 延长 由于 如 有
    """.split()
)

# Words that may sit inside a name; crossed only when what lies left of them continues the name.
SOFT_WORDS = frozenset("与 和 及 暨 的 之 因 所".split())
CONJUNCTIONS = frozenset("与 和 及 暨".split())

# Endings of complete named entities: `X署与Y（Z）` is two entities, not one name.
ENTITY_SUFFIXES = (
    "署",
    "组织",
    "公约",
    "会议",
    "委员会",
    "秘书处",
    "基金",
    "银行",
    "中心",
    "机构",
    "联盟",
    "大会",
    "政府",
    "方案",
    "计划",
    "议定书",
    "论坛",
    "小组",
    "工作组",
    "理事会",
    "办事处",
    "部",
    "局",
    "院",
    "国",
    "协会",
    "倡议",
    "网络",
    "伙伴关系",
    "平台",
    "项目",
    "特派团",
    "法院",
    "法庭",
    "集团",
)

# A parenthesis that opens with one of these is a citation, list, example or gloss.
NON_DEFINITION_OPENERS = (
    "见",
    "参见",
    "参看",
    "参阅",
    "详见",
    "另见",
    "例如",
    "比如",
    "如",
    "包括",
    "包含",
    "不包括",
    "即",
    "亦即",
    "主要是",
    "主要",
    "尤其是",
    "尤其",
    "特别是",
    "旧称",
    "原称",
    "前称",
    "曾称",
    "第",
    "同上",
    "附件",
    "载于",
    "除",
    "其中",
    "约",
    "含",
    "指",
    "原文",
    "英文",
    "下同",
    "同前",
    "注",
    "译注",
    "草案",
    "修订",
    "续",
    "或",
    "与",
    "及",
    "合计",
    "总计",
    "截至",
    "从",
    "由",
    "按",
    "根据",
    "依据",
    "涉及",
    "关于",
    "针对",
    "通过",
    "在",
    "为",
    "对",
)

INTRODUCERS = (
    "以下简称",
    "以下称",
    "以下简作",
    "下称",
    "简称",
    "又称",
    "或称",
    "统称",
    "通称",
    "缩写为",
    "缩写",
)

# Latin expressions in brackets that are never an English equivalent.
LATIN_NON_NAMES = frozenset({"sic", "et al", "et al.", "ibid", "ibid.", "i.e.", "e.g.", "etc"})
