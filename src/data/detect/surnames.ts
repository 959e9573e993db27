// Common Japanese family names (about 380: the most frequent ones and some old-form variants, 斎藤 斉藤 齋藤 齊藤,
// 渡辺 渡邊 渡邉, 高橋 髙橋 …), written for kumoscan from common knowledge of Japanese surnames (no list was copied).
// Used only to recognise a table column of names written without a space (鈴木一郎): a column whose values mostly
// start with one of these is a name column (person-name.ts, findNameShaped).

const WORDS: readonly string[] = [
  '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村',
  '林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田',
  '後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田',
  '中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本',
  '内田 高木 安藤 谷口 大野 丸山 今井 高田 藤本 武田 村田 上野 杉山 増田 小山 大塚 平野',
  '菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 佐野 杉本 古川 大西',
  '浜田 市川 小池 水野 吉川 山内 西田 菊池 飯田 菅野 北村 関 服部 中西 樋口 福島 川口',
  '永井 松岡 田口 山中 森本 土屋 矢野 広瀬 秋山 石原 松下 大橋 松浦 吉村 岩田 小松 本田',
  '馬場 中田 大久保 青山 小島 高野 荒木 平田 堀 河野 島田 吉岡 小西 川村 辻 五十嵐 西川',
  '岡崎 細川 南 長田 内藤 小田 黒田 宮田 三宅 川上 安田 望月 片山 松村 田辺 須藤 北川',
  '永田 大石 小笠原 平井 中尾 岩本 大川 熊谷 早川 川崎 石橋 宮下 山根 奥村 中井 上原 堀内',
  '白石 金井 安部 本間 関口 古賀 村井 久保田 大谷 西山 尾崎 水谷 高山 横田 吉野 東 荒井',
  '浅野 小森 杉浦 小沢 大島 堤 野田 星野 岡 今村 稲垣 川島 松原 宇野 大竹 中谷 千田 北野',
  '岸 武藤 岡村 竹田 宮川 加納 菅 中沢 桑原 小泉 吉原 西 岩井 坂口 沢田 相馬 成田 竹中',
  '井口 石黒 川端 浅井 根本 日高 川田 西岡 筒井 奥田 野中 上村 梅田 徳永 大森 福井 飯島',
  '榎本 宮内 関根 北島 荻野 水上 藤川 榊原 谷 香川 秋元 大山 若林 長尾 小倉 岩瀬 本多',
  '松崎 堀田 吉井 栗原 片岡 足立 安井 西尾 三上 森下 山岸 平山 大平 大木 富田 松永 内山',
  '原口 木内 大沢 戸田 森川 石塚 田島 山村 手塚 谷川 滝沢 二宮 植田 米田 沖田 越智 大場',
  '金田 川本 児玉 奥山 岡野 神田 北原 高井 寺田 冨田 有馬 三好 小原 大井 竹下 倉田 田代',
  '畑中 庄司 藤村 田原 松野 大和田 野崎 篠原 安達 福本 平松 熊田 坂井 坂田 新田 齋藤 齊藤',
  '渡邊 渡邉 髙橋 濱田 廣瀬 澤田 矢島 鎌田 柳田 進藤 小坂 飯塚 石山 宮原 西野 辻本 大村',
  '菅谷 布施 三木 水田 佐久間 河合 河村 鶴田 梶原 中嶋 栗田 三輪 津田 堀江 杉田 塚本 長島',
  '片桐 松山',
].flatMap((line) => line.split(' '));

/** Common family names by length (1–3 characters). */
const BY_LENGTH: readonly ReadonlySet<string>[] = [1, 2, 3].map((n) => new Set(WORDS.filter((w) => w.length === n)));

/**
 * The length of the common family name `value` starts with, the longest one first (佐々木 before 佐), or 0 when it
 * starts with none or is nothing but one.
 */
export function commonSurnameAt(value: string): number {
  for (let n = 3; n >= 1; n--) {
    if (value.length <= n) continue;
    if (BY_LENGTH[n - 1]?.has(value.slice(0, n)) === true) return n;
  }
  return 0;
}

/** How many names the list holds (tests). */
export const COMMON_SURNAMES: number = WORDS.length;
