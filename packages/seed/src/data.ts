/**
 * Reference data of the demo distributor: brands, the category tree with what each leaf sells,
 * and the words store names, people and addresses are made of (Hangzhou).
 */

export interface BrandDef {
  slug: string;
  name: string;
  nameEn: string;
  restricted?: boolean;
}

export const BRANDS: readonly BrandDef[] = [
  { slug: 'coca_cola', name: '可口可乐', nameEn: 'Coca-Cola' },
  { slug: 'pepsi', name: '百事', nameEn: 'Pepsi' },
  { slug: 'nongfu', name: '农夫山泉', nameEn: 'Nongfu Spring' },
  { slug: 'cestbon', name: '怡宝', nameEn: "C'estbon" },
  { slug: 'wahaha', name: '娃哈哈', nameEn: 'Wahaha' },
  { slug: 'master_kong', name: '康师傅', nameEn: 'Master Kong' },
  { slug: 'uni_president', name: '统一', nameEn: 'Uni-President' },
  { slug: 'redbull', name: '红牛', nameEn: 'Red Bull' },
  { slug: 'eastroc', name: '东鹏', nameEn: 'Eastroc' },
  { slug: 'yili', name: '伊利', nameEn: 'Yili' },
  { slug: 'mengniu', name: '蒙牛', nameEn: 'Mengniu' },
  { slug: 'want_want', name: '旺旺', nameEn: 'Want Want' },
  { slug: 'lays', name: '乐事', nameEn: "Lay's" },
  { slug: 'oishi', name: '上好佳', nameEn: 'Oishi' },
  { slug: 'oreo', name: '奥利奥', nameEn: 'Oreo' },
  { slug: 'daliyuan', name: '达利园', nameEn: 'Daliyuan' },
  { slug: 'dove', name: '德芙', nameEn: 'Dove' },
  { slug: 'alpenliebe', name: '阿尔卑斯', nameEn: 'Alpenliebe' },
  { slug: 'chacheer', name: '洽洽', nameEn: 'ChaCheer' },
  { slug: 'three_squirrels', name: '三只松鼠', nameEn: 'Three Squirrels' },
  { slug: 'shuanghui', name: '双汇', nameEn: 'Shuanghui' },
  { slug: 'baixiang', name: '白象', nameEn: 'Baixiang' },
  { slug: 'zihaiguo', name: '自嗨锅', nameEn: 'Zihaiguo' },
  { slug: 'tsingtao', name: '青岛啤酒', nameEn: 'Tsingtao' },
  { slug: 'snow', name: '雪花', nameEn: 'Snow Beer' },
  { slug: 'yanghe', name: '洋河', nameEn: 'Yanghe' },
  { slug: 'moutai', name: '贵州茅台', nameEn: 'Kweichow Moutai', restricted: true },
  { slug: 'wuliangye', name: '五粮液', nameEn: 'Wuliangye', restricted: true },
  { slug: 'bluemoon', name: '蓝月亮', nameEn: 'Bluemoon' },
  { slug: 'liby', name: '立白', nameEn: 'Liby' },
  { slug: 'vinda', name: '维达', nameEn: 'Vinda' },
  { slug: 'breeze', name: '清风', nameEn: 'Breeze' },
  { slug: 'colgate', name: '高露洁', nameEn: 'Colgate' },
  { slug: 'arawana', name: '金龙鱼', nameEn: 'Arawana' },
  { slug: 'luhua', name: '鲁花', nameEn: 'Luhua' },
  { slug: 'haday', name: '海天', nameEn: 'Haday' },
];

/** [name, English name, only for this brand slug] */
export type LineDef = readonly [string, string, string?];
/** [spec, min wholesale fen, max wholesale fen, units per 箱] */
export type SpecDef = readonly [string, number, number, 6 | 12 | 24];

export interface LeafDef {
  slug: string;
  name: string;
  nameEn: string;
  unit: '瓶' | '袋' | '包' | '盒' | '桶';
  brands: readonly string[];
  lines: readonly LineDef[];
  specs: readonly SpecDef[];
  /** flavour variants of one size, [name, English name] */
  flavors?: readonly (readonly [string, string])[];
  /** sold by the 提 (6) as well */
  pack?: boolean;
  food?: boolean;
}

export interface MidDef {
  slug: string;
  name: string;
  nameEn: string;
  leaves: readonly LeafDef[];
}

export interface TopDef {
  slug: string;
  name: string;
  nameEn: string;
  mids: readonly MidDef[];
}

export const CATEGORY_TREE: readonly TopDef[] = [
  {
    slug: 'drinks',
    name: '饮料',
    nameEn: 'Drinks',
    mids: [
      {
        slug: 'soda',
        name: '碳酸饮料',
        nameEn: 'Carbonated drinks',
        leaves: [
          {
            slug: 'cola',
            name: '可乐',
            nameEn: 'Cola',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['coca_cola', 'pepsi'],
            lines: [
              ['经典', 'Classic', 'coca_cola'],
              ['零度', 'Zero Sugar', 'coca_cola'],
              ['纤维+', 'Fiber+', 'coca_cola'],
              ['可乐', 'Cola', 'pepsi'],
              ['无糖可乐', 'No Sugar Cola', 'pepsi'],
              ['生可乐', 'Raw Cola', 'pepsi'],
            ],
            specs: [
              ['330ml', 200, 280, 24],
              ['500ml', 280, 380, 24],
              ['1.25L', 450, 600, 12],
              ['2L', 650, 850, 6],
            ],
          },
          {
            slug: 'soft',
            name: '汽水',
            nameEn: 'Soda',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['coca_cola', 'pepsi'],
            lines: [
              ['雪碧', 'Sprite', 'coca_cola'],
              ['芬达橙味汽水', 'Fanta Orange', 'coca_cola'],
              ['七喜柠檬味汽水', '7UP Lemon', 'pepsi'],
              ['美年达橙味汽水', 'Mirinda Orange', 'pepsi'],
              ['苏打气泡水', 'Sparkling Water'],
            ],
            specs: [
              ['330ml', 200, 280, 24],
              ['500ml', 280, 380, 24],
              ['2L', 650, 850, 6],
            ],
          },
        ],
      },
      {
        slug: 'water',
        name: '饮用水',
        nameEn: 'Drinking water',
        leaves: [
          {
            slug: 'bottled',
            name: '瓶装水',
            nameEn: 'Bottled water',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['nongfu', 'cestbon', 'wahaha'],
            lines: [
              ['饮用天然水', 'Natural Drinking Water'],
              ['纯净水', 'Purified Water'],
              ['天然矿泉水', 'Natural Mineral Water'],
              ['苏打水', 'Soda Water'],
            ],
            specs: [
              ['380ml', 100, 130, 24],
              ['550ml', 110, 160, 24],
              ['1.5L', 250, 350, 12],
              ['4L', 600, 800, 6],
            ],
          },
        ],
      },
      {
        slug: 'tea',
        name: '茶饮料',
        nameEn: 'Tea drinks',
        leaves: [
          {
            slug: 'sweet_tea',
            name: '冰红茶',
            nameEn: 'Iced tea',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['master_kong', 'uni_president'],
            lines: [
              ['冰红茶', 'Iced Black Tea'],
              ['冰绿茶', 'Iced Green Tea'],
              ['茉莉蜜茶', 'Jasmine Honey Tea'],
              ['蜂蜜柚子茶', 'Honey Citron Tea'],
            ],
            specs: [
              ['500ml', 260, 350, 24],
              ['1L', 450, 600, 12],
            ],
          },
          {
            slug: 'plain_tea',
            name: '无糖茶',
            nameEn: 'Unsweetened tea',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['nongfu', 'master_kong', 'uni_president'],
            lines: [
              ['东方树叶乌龙茶', 'Oriental Leaf Oolong Tea', 'nongfu'],
              ['东方树叶茉莉花茶', 'Oriental Leaf Jasmine Tea', 'nongfu'],
              ['无糖绿茶', 'Unsweetened Green Tea'],
              ['大麦茶', 'Barley Tea'],
            ],
            specs: [
              ['500ml', 350, 450, 12],
              ['900ml', 550, 700, 12],
            ],
          },
        ],
      },
      {
        slug: 'juice',
        name: '果汁',
        nameEn: 'Juice',
        leaves: [
          {
            slug: 'fruit_juice',
            name: '果汁饮料',
            nameEn: 'Fruit juice',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['nongfu', 'uni_president', 'coca_cola'],
            lines: [
              ['美汁源果粒橙', 'Minute Maid Pulpy Orange', 'coca_cola'],
              ['鲜橙多', 'Orange Juice Drink', 'uni_president'],
              ['农夫果园混合果汁', 'Farmer Orchard Mixed Juice', 'nongfu'],
              ['NFC橙汁', 'NFC Orange Juice', 'nongfu'],
              ['苹果汁', 'Apple Juice'],
              ['芒果汁', 'Mango Juice'],
            ],
            specs: [
              ['450ml', 300, 400, 12],
              ['1.25L', 650, 850, 12],
            ],
            flavors: [
              ['橙味', 'orange'],
              ['苹果味', 'apple'],
              ['葡萄味', 'grape'],
              ['桃味', 'peach'],
            ],
          },
        ],
      },
      {
        slug: 'functional',
        name: '功能饮料',
        nameEn: 'Functional drinks',
        leaves: [
          {
            slug: 'energy',
            name: '能量饮料',
            nameEn: 'Energy drinks',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['redbull', 'eastroc'],
            lines: [
              ['维生素功能饮料', 'Vitamin Energy Drink'],
              ['强化型牛磺酸饮料', 'Taurine Energy Drink'],
              ['无糖能量饮料', 'Sugar-free Energy Drink'],
            ],
            specs: [
              ['250ml', 450, 600, 24],
              ['500ml', 550, 700, 24],
            ],
          },
          {
            slug: 'sports',
            name: '运动饮料',
            nameEn: 'Sports drinks',
            unit: '瓶',
            pack: true,
            food: true,
            brands: ['nongfu', 'eastroc', 'master_kong'],
            lines: [
              ['尖叫运动饮料', 'Scream Sports Drink', 'nongfu'],
              ['补水啦电解质饮料', 'Electrolyte Drink', 'eastroc'],
              ['电解质水', 'Electrolyte Water'],
            ],
            specs: [
              ['550ml', 350, 450, 24],
              ['1L', 550, 700, 12],
            ],
            flavors: [
              ['青柠味', 'lime'],
              ['西柚味', 'grapefruit'],
              ['荔枝味', 'lychee'],
            ],
          },
        ],
      },
      {
        slug: 'dairy',
        name: '乳饮品',
        nameEn: 'Dairy drinks',
        leaves: [
          {
            slug: 'milk',
            name: '纯牛奶',
            nameEn: 'Milk',
            unit: '盒',
            pack: true,
            food: true,
            brands: ['yili', 'mengniu', 'want_want'],
            lines: [
              ['纯牛奶', 'Whole Milk'],
              ['高钙牛奶', 'High-calcium Milk'],
              ['脱脂牛奶', 'Skimmed Milk'],
              ['旺仔牛奶', 'Wangzai Milk', 'want_want'],
              ['特仑苏纯牛奶', 'Deluxe Whole Milk', 'mengniu'],
              ['金典有机奶', 'Satine Organic Milk', 'yili'],
            ],
            specs: [
              ['250ml', 250, 400, 24],
              ['200ml', 200, 320, 24],
            ],
          },
          {
            slug: 'yogurt',
            name: '酸奶',
            nameEn: 'Yogurt drinks',
            unit: '瓶',
            food: true,
            brands: ['yili', 'mengniu', 'wahaha'],
            lines: [
              ['安慕希希腊酸奶', 'Ambrosial Greek Yogurt', 'yili'],
              ['纯甄酸牛奶', 'Just Yogurt', 'mengniu'],
              ['AD钙奶', 'AD Calcium Milk', 'wahaha'],
              ['营养快线', 'Nutri-Express', 'wahaha'],
              ['常温酸奶', 'Ambient Yogurt'],
            ],
            specs: [
              ['230g', 400, 600, 12],
              ['450ml', 380, 500, 12],
            ],
            flavors: [
              ['原味', 'plain'],
              ['草莓味', 'strawberry'],
              ['黄桃燕麦', 'peach oat'],
              ['蓝莓味', 'blueberry'],
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'snacks',
    name: '休闲零食',
    nameEn: 'Snacks',
    mids: [
      {
        slug: 'puffed',
        name: '膨化食品',
        nameEn: 'Puffed snacks',
        leaves: [
          {
            slug: 'chips',
            name: '薯片',
            nameEn: 'Potato chips',
            unit: '袋',
            food: true,
            brands: ['lays', 'oishi'],
            lines: [
              ['薯片', 'Potato Chips'],
              ['无限薯片', 'Stax Chips', 'lays'],
              ['大波浪薯片', 'Wavy Chips', 'lays'],
              ['田园薯片', 'Country Chips', 'oishi'],
            ],
            specs: [
              ['40g', 300, 450, 24],
              ['70g', 450, 650, 24],
              ['135g', 800, 1100, 12],
            ],
            flavors: [
              ['原味', 'classic'],
              ['黄瓜味', 'cucumber'],
              ['番茄味', 'tomato'],
              ['烧烤味', 'barbecue'],
              ['青柠味', 'lime'],
            ],
          },
          {
            slug: 'crackers',
            name: '虾条米饼',
            nameEn: 'Crackers',
            unit: '袋',
            food: true,
            brands: ['oishi', 'want_want'],
            lines: [
              ['鲜虾条', 'Prawn Crackers'],
              ['仙贝', 'Senbei Rice Crackers', 'want_want'],
              ['雪饼', 'Snow Rice Cakes', 'want_want'],
              ['玉米棒', 'Corn Sticks'],
            ],
            specs: [
              ['40g', 250, 400, 24],
              ['150g', 900, 1300, 12],
            ],
          },
        ],
      },
      {
        slug: 'bakery',
        name: '饼干糕点',
        nameEn: 'Biscuits and cakes',
        leaves: [
          {
            slug: 'biscuits',
            name: '饼干',
            nameEn: 'Biscuits',
            unit: '盒',
            food: true,
            brands: ['oreo', 'daliyuan'],
            lines: [
              ['夹心饼干', 'Sandwich Cookies'],
              ['巧克力味饼干', 'Chocolate Cookies'],
              ['苏打饼干', 'Soda Crackers'],
              ['消化饼干', 'Digestive Biscuits'],
            ],
            specs: [
              ['97g', 350, 500, 24],
              ['388g', 1200, 1600, 12],
            ],
            flavors: [
              ['原味', 'original'],
              ['草莓味', 'strawberry'],
              ['巧克力味', 'chocolate'],
            ],
          },
          {
            slug: 'cakes',
            name: '蛋糕面包',
            nameEn: 'Cakes and bread',
            unit: '袋',
            food: true,
            brands: ['daliyuan'],
            lines: [
              ['软面包', 'Soft Bread'],
              ['瑞士卷', 'Swiss Roll'],
              ['蛋黄派', 'Egg Custard Pie'],
              ['法式小面包', 'French Mini Bread'],
            ],
            specs: [
              ['200g', 600, 900, 12],
              ['500g', 1300, 1800, 6],
            ],
          },
        ],
      },
      {
        slug: 'sweets',
        name: '糖果巧克力',
        nameEn: 'Candy and chocolate',
        leaves: [
          {
            slug: 'candy',
            name: '糖果',
            nameEn: 'Candy',
            unit: '袋',
            food: true,
            brands: ['alpenliebe', 'want_want'],
            lines: [
              ['硬糖', 'Hard Candy'],
              ['奶糖', 'Milk Candy'],
              ['棒棒糖', 'Lollipops'],
              ['QQ糖', 'Gummies'],
            ],
            specs: [
              ['150g', 700, 1000, 24],
              ['400g', 1600, 2200, 12],
            ],
            flavors: [
              ['草莓味', 'strawberry'],
              ['牛奶味', 'milk'],
              ['橙味', 'orange'],
            ],
          },
          {
            slug: 'chocolate',
            name: '巧克力',
            nameEn: 'Chocolate',
            unit: '盒',
            food: true,
            brands: ['dove'],
            lines: [
              ['丝滑牛奶巧克力', 'Silky Milk Chocolate'],
              ['香浓黑巧克力', 'Dark Chocolate'],
              ['榛仁巧克力', 'Hazelnut Chocolate'],
              ['白巧克力', 'White Chocolate'],
            ],
            specs: [
              ['43g', 450, 650, 24],
              ['252g', 2800, 3800, 12],
            ],
          },
        ],
      },
      {
        slug: 'nuts',
        name: '坚果炒货',
        nameEn: 'Nuts and seeds',
        leaves: [
          {
            slug: 'seeds',
            name: '瓜子',
            nameEn: 'Sunflower seeds',
            unit: '袋',
            food: true,
            brands: ['chacheer', 'three_squirrels'],
            lines: [
              ['香瓜子', 'Roasted Sunflower Seeds'],
              ['焦糖瓜子', 'Caramel Sunflower Seeds'],
              ['山核桃味瓜子', 'Pecan Sunflower Seeds'],
            ],
            specs: [
              ['160g', 500, 750, 24],
              ['308g', 900, 1300, 12],
            ],
          },
          {
            slug: 'mixed_nuts',
            name: '坚果',
            nameEn: 'Nuts',
            unit: '袋',
            food: true,
            brands: ['three_squirrels', 'chacheer'],
            lines: [
              ['每日坚果', 'Daily Nuts'],
              ['夏威夷果', 'Macadamia Nuts'],
              ['碧根果', 'Pecans'],
              ['开心果', 'Pistachios'],
            ],
            specs: [
              ['25g', 300, 450, 24],
              ['265g', 2500, 3500, 12],
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'instant',
    name: '方便食品',
    nameEn: 'Convenience food',
    mids: [
      {
        slug: 'noodles',
        name: '方便面',
        nameEn: 'Instant noodles',
        leaves: [
          {
            slug: 'bag_noodles',
            name: '袋装面',
            nameEn: 'Bagged noodles',
            unit: '袋',
            food: true,
            brands: ['master_kong', 'uni_president', 'baixiang'],
            lines: [
              ['红烧牛肉面', 'Braised Beef Noodles'],
              ['老坛酸菜牛肉面', 'Pickled Cabbage Beef Noodles'],
              ['香辣牛肉面', 'Spicy Beef Noodles'],
              ['鲜虾鱼板面', 'Shrimp and Fish Cake Noodles'],
            ],
            specs: [
              ['103g', 200, 300, 24],
              ['五连包', 900, 1300, 6],
            ],
          },
          {
            slug: 'cup_noodles',
            name: '桶装面',
            nameEn: 'Cup noodles',
            unit: '桶',
            food: true,
            brands: ['master_kong', 'uni_president', 'baixiang'],
            lines: [
              ['红烧牛肉桶面', 'Braised Beef Cup Noodles'],
              ['老坛酸菜桶面', 'Pickled Cabbage Cup Noodles'],
              ['汤达人日式豚骨面', 'Tonkotsu Ramen', 'uni_president'],
              ['汤好喝骨汤面', 'Bone Broth Noodles', 'baixiang'],
            ],
            specs: [
              ['110g', 350, 500, 12],
              ['145g', 450, 650, 12],
            ],
          },
        ],
      },
      {
        slug: 'meat',
        name: '肉制品',
        nameEn: 'Meat snacks',
        leaves: [
          {
            slug: 'sausage',
            name: '火腿肠',
            nameEn: 'Ham sausage',
            unit: '包',
            food: true,
            brands: ['shuanghui'],
            lines: [
              ['王中王火腿肠', 'King Ham Sausage'],
              ['玉米热狗肠', 'Corn Hot Dog'],
              ['香辣香肠', 'Spicy Sausage'],
              ['鸡肉肠', 'Chicken Sausage'],
            ],
            specs: [
              ['240g', 700, 1000, 24],
              ['400g', 1100, 1500, 12],
            ],
          },
        ],
      },
      {
        slug: 'ready',
        name: '速食',
        nameEn: 'Ready meals',
        leaves: [
          {
            slug: 'self_heating',
            name: '自热食品',
            nameEn: 'Self-heating meals',
            unit: '盒',
            food: true,
            brands: ['zihaiguo', 'baixiang'],
            lines: [
              ['麻辣牛肉自热火锅', 'Spicy Beef Hotpot'],
              ['番茄牛腩自热饭', 'Tomato Beef Brisket Rice'],
              ['川味回锅肉自热饭', 'Twice-cooked Pork Rice'],
              ['酸辣粉', 'Hot and Sour Noodles'],
            ],
            specs: [
              ['400g', 1500, 2200, 12],
              ['260g', 1000, 1500, 12],
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'liquor',
    name: '酒水',
    nameEn: 'Beer and liquor',
    mids: [
      {
        slug: 'beer',
        name: '啤酒',
        nameEn: 'Beer',
        leaves: [
          {
            slug: 'lager',
            name: '啤酒',
            nameEn: 'Lager',
            unit: '瓶',
            pack: true,
            brands: ['tsingtao', 'snow'],
            lines: [
              ['经典啤酒', 'Classic Lager'],
              ['纯生啤酒', 'Draft Beer'],
              ['勇闯天涯', 'Brave the World', 'snow'],
              ['白啤', 'Wheat Beer'],
            ],
            specs: [
              ['330ml', 280, 400, 24],
              ['500ml', 350, 550, 12],
              ['600ml', 380, 600, 12],
            ],
          },
        ],
      },
      {
        slug: 'baijiu',
        name: '白酒',
        nameEn: 'Baijiu',
        leaves: [
          {
            slug: 'strong_aroma',
            name: '浓香型',
            nameEn: 'Strong-aroma baijiu',
            unit: '瓶',
            brands: ['wuliangye', 'yanghe'],
            lines: [
              ['普五52度', 'Classic 52%', 'wuliangye'],
              ['五粮春', 'Wuliangchun', 'wuliangye'],
              ['海之蓝', 'Ocean Blue', 'yanghe'],
              ['天之蓝', 'Sky Blue', 'yanghe'],
              ['梦之蓝M3', 'Dream Blue M3', 'yanghe'],
            ],
            specs: [
              ['500ml', 8000, 20000, 6],
              ['375ml', 6000, 15000, 6],
            ],
          },
          {
            slug: 'sauce_aroma',
            name: '酱香型',
            nameEn: 'Sauce-aroma baijiu',
            unit: '瓶',
            brands: ['moutai'],
            lines: [
              ['飞天53度', 'Feitian 53%'],
              ['茅台王子酒', 'Moutai Prince'],
              ['茅台迎宾酒', 'Moutai Yingbin'],
            ],
            specs: [
              ['500ml', 12000, 20000, 6],
              ['375ml', 9000, 16000, 6],
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'household',
    name: '日用百货',
    nameEn: 'Household',
    mids: [
      {
        slug: 'laundry',
        name: '洗涤用品',
        nameEn: 'Laundry and cleaning',
        leaves: [
          {
            slug: 'laundry_liquid',
            name: '洗衣液',
            nameEn: 'Laundry liquid',
            unit: '瓶',
            brands: ['bluemoon', 'liby'],
            lines: [
              ['深层洁净洗衣液', 'Deep Clean Laundry Liquid'],
              ['薰衣草香洗衣液', 'Lavender Laundry Liquid'],
              ['机洗至尊洗衣液', 'Machine Wash Laundry Liquid'],
              ['除菌洗衣液', 'Antibacterial Laundry Liquid'],
            ],
            specs: [
              ['1kg', 1500, 2500, 12],
              ['2kg', 2500, 4000, 6],
              ['3kg', 3500, 5500, 6],
            ],
          },
          {
            slug: 'laundry_powder',
            name: '洗衣粉',
            nameEn: 'Laundry powder',
            unit: '袋',
            brands: ['liby'],
            lines: [
              ['超洁清新洗衣粉', 'Fresh Laundry Powder'],
              ['无磷洗衣粉', 'Phosphate-free Laundry Powder'],
            ],
            specs: [
              ['1.5kg', 1200, 1800, 6],
              ['500g', 450, 700, 24],
            ],
          },
          {
            slug: 'dish_soap',
            name: '洗洁精',
            nameEn: 'Dish soap',
            unit: '瓶',
            brands: ['liby', 'bluemoon'],
            lines: [
              ['柠檬洗洁精', 'Lemon Dish Soap'],
              ['生姜洗洁精', 'Ginger Dish Soap'],
              ['果蔬净洗洁精', 'Fruit and Veg Dish Soap'],
            ],
            specs: [
              ['500g', 450, 700, 24],
              ['1.5kg', 1100, 1600, 6],
            ],
          },
        ],
      },
      {
        slug: 'paper',
        name: '纸品',
        nameEn: 'Paper',
        leaves: [
          {
            slug: 'tissue',
            name: '抽纸',
            nameEn: 'Facial tissue',
            unit: '包',
            brands: ['vinda', 'breeze'],
            lines: [
              ['超韧抽纸', 'Ultra Strong Tissue'],
              ['原木抽纸', 'Log Pulp Tissue'],
              ['柔肤抽纸', 'Soft Skin Tissue'],
            ],
            specs: [
              ['3层100抽', 300, 500, 24],
              ['3层130抽', 380, 600, 24],
            ],
          },
          {
            slug: 'toilet_roll',
            name: '卷纸',
            nameEn: 'Toilet rolls',
            unit: '包',
            brands: ['vinda', 'breeze'],
            lines: [
              ['蓝色经典卷纸', 'Classic Blue Toilet Roll'],
              ['无芯卷纸', 'Coreless Toilet Roll'],
            ],
            specs: [
              ['10卷', 1800, 2600, 6],
              ['12卷', 2000, 3000, 6],
            ],
          },
        ],
      },
      {
        slug: 'personal',
        name: '个人护理',
        nameEn: 'Personal care',
        leaves: [
          {
            slug: 'toothpaste',
            name: '牙膏',
            nameEn: 'Toothpaste',
            unit: '盒',
            brands: ['colgate'],
            lines: [
              ['全面防蛀牙膏', 'Cavity Protection Toothpaste'],
              ['美白牙膏', 'Whitening Toothpaste'],
              ['劲白小苏打牙膏', 'Baking Soda Toothpaste'],
            ],
            specs: [
              ['90g', 600, 900, 24],
              ['180g', 1000, 1500, 24],
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'grocery',
    name: '粮油调味',
    nameEn: 'Oil and condiments',
    mids: [
      {
        slug: 'oil',
        name: '食用油',
        nameEn: 'Cooking oil',
        leaves: [
          {
            slug: 'peanut_oil',
            name: '花生油',
            nameEn: 'Peanut oil',
            unit: '桶',
            food: true,
            brands: ['luhua', 'arawana'],
            lines: [
              ['5S压榨一级花生油', 'Pressed Peanut Oil'],
              ['浓香花生油', 'Aromatic Peanut Oil'],
            ],
            specs: [
              ['1.8L', 3500, 5000, 6],
              ['5L', 9000, 14000, 6],
            ],
          },
          {
            slug: 'blended_oil',
            name: '调和油',
            nameEn: 'Blended oil',
            unit: '桶',
            food: true,
            brands: ['arawana'],
            lines: [
              ['黄金比例调和油', 'Golden Ratio Blended Oil'],
              ['玉米油', 'Corn Oil'],
              ['葵花籽油', 'Sunflower Oil'],
            ],
            specs: [
              ['1.8L', 2500, 3500, 6],
              ['5L', 6000, 9000, 6],
            ],
          },
        ],
      },
      {
        slug: 'condiments',
        name: '调味品',
        nameEn: 'Condiments',
        leaves: [
          {
            slug: 'soy_sauce',
            name: '酱油',
            nameEn: 'Soy sauce',
            unit: '瓶',
            food: true,
            brands: ['haday'],
            lines: [
              ['金标生抽', 'Premium Light Soy Sauce'],
              ['草菇老抽', 'Mushroom Dark Soy Sauce'],
              ['味极鲜酱油', 'Seasoned Soy Sauce'],
            ],
            specs: [
              ['500ml', 600, 900, 12],
              ['1.28L', 1200, 1700, 6],
            ],
          },
          {
            slug: 'vinegar_oyster',
            name: '醋与蚝油',
            nameEn: 'Vinegar and oyster sauce',
            unit: '瓶',
            food: true,
            brands: ['haday'],
            lines: [
              ['上等蚝油', 'Premium Oyster Sauce'],
              ['米醋', 'Rice Vinegar'],
              ['陈醋', 'Mature Vinegar'],
            ],
            specs: [
              ['520g', 600, 900, 12],
              ['700g', 800, 1200, 12],
            ],
          },
        ],
      },
    ],
  },
];

/** Packagings appended to product names once every brand-line pair has been used. */
export const SERIES = [
  ['', ''],
  ['家庭装', 'Family Pack'],
  ['量贩装', 'Value Pack'],
  ['新包装', 'New Pack'],
  ['礼盒装', 'Gift Box'],
  ['促销装', 'Promo Pack'],
  ['便携装', 'On-the-go'],
  ['组合装', 'Combo Pack'],
] as const;

export const STORE_PREFIXES = [
  '惠民',
  '好邻居',
  '鑫鑫',
  '家家乐',
  '万家福',
  '便民',
  '金盛',
  '福满多',
  '佳佳',
  '百佳',
  '利民',
  '顺发',
  '红星',
  '新星',
  '诚信',
  '兴隆',
  '旺角',
  '快客',
  '好又多',
  '华联',
  '天天',
  '喜来',
  '乐购',
  '友谊',
  '欣欣',
  '大众',
  '东方',
  '明珠',
  '阳光',
  '幸福',
  '和平',
  '平安',
  '吉祥',
  '瑞丰',
  '宏达',
  '聚源',
  '康乐',
  '美宜',
  '联心',
  '邻里',
] as const;

export const STORE_TYPES: readonly (readonly [string, number])[] = [
  ['便利店', 35],
  ['超市', 25],
  ['烟酒店', 12],
  ['副食店', 8],
  ['小卖部', 6],
  ['百货店', 6],
  ['批发部', 5],
  ['生活超市', 3],
];

/** Streets by the part of the city a route serves; [district, street]. */
export const STREETS: Record<'north' | 'east' | 'west', readonly (readonly [string, string])[]> = {
  north: [
    ['拱墅区', '康桥路'],
    ['拱墅区', '丁桥路'],
    ['拱墅区', '半山路'],
    ['拱墅区', '石桥路'],
    ['拱墅区', '上塘路'],
    ['拱墅区', '东新路'],
    ['余杭区', '临平大道'],
    ['余杭区', '星桥路'],
    ['拱墅区', '莫干山路'],
    ['拱墅区', '湖墅南路'],
    ['余杭区', '良渚路'],
    ['拱墅区', '祥园路'],
  ],
  east: [
    ['上城区', '解放路'],
    ['上城区', '延安路'],
    ['上城区', '中河中路'],
    ['上城区', '建国北路'],
    ['上城区', '秋涛路'],
    ['上城区', '钱江路'],
    ['上城区', '新塘路'],
    ['上城区', '庆春路'],
    ['滨江区', '江南大道'],
    ['滨江区', '滨盛路'],
    ['滨江区', '长河路'],
    ['滨江区', '西兴路'],
    ['钱塘区', '下沙路'],
  ],
  west: [
    ['西湖区', '文三路'],
    ['西湖区', '文二路'],
    ['西湖区', '教工路'],
    ['西湖区', '学院路'],
    ['西湖区', '古墩路'],
    ['西湖区', '天目山路'],
    ['西湖区', '文一西路'],
    ['西湖区', '丰潭路'],
    ['西湖区', '紫金港路'],
    ['西湖区', '留和路'],
    ['西湖区', '转塘路'],
    ['西湖区', '之江路'],
    ['余杭区', '五常大道'],
    ['余杭区', '余杭塘路'],
  ],
};

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
] as const;

export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '建国',
  '海燕',
  '国强',
  '志刚',
  '桂英',
  '小红',
  '建华',
  '丽娟',
  '春梅',
  '德明',
] as const;

export const PHONE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '158',
  '159',
  '186',
  '187',
  '188',
  '189',
] as const;

export const ORDER_NOTES = [
  '请上午送货',
  '放门口即可',
  '到了打电话',
  '下午三点前送到',
  '发票随货',
  '急用，请尽快',
] as const;
