/**
 * Word lists for synthetic financial news. Invented for the generator: they only have to look
 * and segment like real Chinese market news, not to say anything true.
 */

/** An invented news source: its name, the pinyin slug it is filed under, and its share of posts. */
export type Source = { name: string; slug: string; weight: number };

/** The rolling feed that carries most posts, like the archive's own. */
export const ROLLING_SOURCE: Source = { name: '财讯滚动', slug: 'fnnews', weight: 86 };

/** The other sources share the rest; a few are tagged `…新闻新闻` as real scrapers do. */
export const OTHER_SOURCES: Source[] = [
  { name: '华夏证券报', slug: 'huaxiazhengquanbao', weight: 1.4 },
  { name: '东方经济时报', slug: 'dongfangjingjishibao', weight: 1.1 },
  { name: '金融观察网', slug: 'jinrongguanchawang', weight: 1 },
  { name: '财经先锋', slug: 'caijingxianfeng', weight: 0.9 },
  { name: '市场导报', slug: 'shichangdaobao', weight: 0.8 },
  { name: '每周投资', slug: 'meizhoutouzi', weight: 0.7 },
  { name: '银行家周刊', slug: 'yinhangjiazhoukan', weight: 0.6 },
  { name: '期货日讯', slug: 'qihuorixun', weight: 0.6 },
  { name: '海港商报', slug: 'haigangshangbao', weight: 0.5 },
  { name: '新财富参考', slug: 'xincaifucankao', weight: 0.5 },
  { name: '资本前沿', slug: 'zibenqianyan', weight: 0.5 },
  { name: '产业经济网', slug: 'chanyejingjiwang', weight: 0.4 },
  { name: '环球财讯', slug: 'huanqiucaixun', weight: 0.4 },
  { name: '晨间财经', slug: 'chenjiancaijing', weight: 0.4 },
  { name: '长江商业评论', slug: 'changjiangshangyepinglun', weight: 0.3 },
  { name: '南方金融网', slug: 'nanfangjinrongwang', weight: 0.3 },
  { name: '科创日报', slug: 'kechuangribao', weight: 0.3 },
  { name: '基金周报', slug: 'jijinzhoubao', weight: 0.3 },
  { name: '理财早知道', slug: 'licaizaozhidao', weight: 0.3 },
  { name: '宏观研究中心', slug: 'hongguanyanjiuzhongxin', weight: 0.3 },
  { name: '江城晚报', slug: 'jiangchengwanbao', weight: 0.2 },
  { name: '数字经济新闻', slug: 'shuzijingjixinwen', weight: 0.3 },
  { name: '中原经济报道', slug: 'zhongyuanjingjibaodao', weight: 0.2 },
  { name: '证券快线', slug: 'zhengquankuaixian', weight: 0.2 },
  { name: '能源周刊', slug: 'nengyuanzhoukan', weight: 0.2 },
  { name: '保险时报', slug: 'baoxianshibao', weight: 0.2 },
  { name: '外汇观察', slug: 'waihuiguancha', weight: 0.2 },
  { name: '楼市内参', slug: 'loushineican', weight: 0.1 },
  { name: '农业财经', slug: 'nongyecaijing', weight: 0.1 },
  // Filed under two spellings of one slug, which Jekyll merges in URLs.
  { name: '科技前线', slug: 'TechFront', weight: 0.1 },
  { name: '科技前线', slug: 'Techfront', weight: 0.1 },
];

export const INSTITUTIONS = [
  '央行',
  '财政部',
  '国家统计局',
  '证监会',
  '银保监会',
  '外汇局',
  '发改委',
  '商务部',
  '交易所',
  '工信部',
  '住建部',
  '国资委',
  '海关总署',
  '人社部',
  '农业农村部',
  '市场监管总局',
];

export const COMPANIES = [
  '华信科技',
  '东岳电气',
  '南湖银行',
  '金桥证券',
  '远航物流',
  '青松药业',
  '北辰能源',
  '海泰汽车',
  '瑞丰食品',
  '天衡材料',
  '明阳光电',
  '恒川化工',
  '嘉禾保险',
  '中兴矿业',
  '云帆航空',
  '新元半导体',
  '长河水务',
  '启明软件',
  '锦程地产',
  '安和医疗',
  '鼎盛基金',
  '万通重工',
  '星河传媒',
  '同创电池',
];

export const SECTORS = [
  '半导体',
  '新能源汽车',
  '光伏',
  '储能',
  '白酒',
  '医药',
  '券商',
  '银行',
  '保险',
  '地产',
  '煤炭',
  '有色金属',
  '军工',
  '消费电子',
  '人工智能',
  '数字货币',
  '农业',
  '航运',
  '旅游',
  '稀土',
];

export const INDICES = [
  '上证指数',
  '深证成指',
  '创业板指',
  '科创50',
  '沪深300',
  '恒生指数',
  '北证50',
];

export const POLICY_TOPICS = [
  '稳健货币政策',
  '普惠金融',
  '绿色信贷',
  '跨境资本流动',
  '中小企业融资',
  '房地产长效机制',
  '资本市场改革',
  '养老金融',
  '数字人民币试点',
  '专项债发行',
  '乡村振兴',
  '消费复苏',
  '科技创新再贷款',
  '外贸稳增长',
  '能源保供',
  '金融风险防范',
];

export const ACTIONS = [
  '加大',
  '推进',
  '优化',
  '落实',
  '完善',
  '加快',
  '深化',
  '统筹',
  '强化',
  '稳步推进',
];

export const MARKET_MOVES = [
  '大涨',
  '走高',
  '回落',
  '震荡',
  '冲高回落',
  '低开高走',
  '跳水',
  '企稳',
];

export const CORPORATE_EVENTS = [
  '发布三季度业绩预告',
  '拟定增募资',
  '获得大额订单',
  '宣布回购股份',
  '股东拟减持',
  '签署战略合作协议',
  '新产线投产',
  '中标重大项目',
  '收到监管问询函',
  '完成资产重组',
  '披露年度分红方案',
  '高管团队调整',
];

export const CONNECTORS = [
  '业内人士认为',
  '分析人士指出',
  '据了解',
  '数据显示',
  '市场普遍预计',
  '有机构表示',
  '从盘面看',
  '值得注意的是',
  '与此同时',
  '记者注意到',
];

export const OUTLOOKS = [
  '后续政策效果有望逐步显现',
  '短期波动不改中长期向好趋势',
  '行业景气度仍有提升空间',
  '资金面总体保持合理充裕',
  '投资者需关注估值回调风险',
  '相关板块或迎来结构性机会',
  '企业盈利修复仍需时间观察',
  '市场情绪有望进一步回暖',
];

export const REPORTERS = ['记者', '本报记者', '特约记者', '通讯员'];

export const CITIES = [
  '北京',
  '上海',
  '深圳',
  '广州',
  '杭州',
  '成都',
  '武汉',
  '南京',
  '西安',
  '青岛',
];
