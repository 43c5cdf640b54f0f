// Demo data for `pnpm db:seed`. Every organisation and person here is fictional; places are real
// regions so that maps and time zones look right. Times are days relative to the moment of
// seeding (negative = in the past), so open rounds stay open and overdue milestones stay overdue.
import type { DecisionRule } from "@lodestone/domain/decision";
import type {
  Commodity,
  DecisionOutcome,
  DelegationKind,
  Locale,
  MilestoneStatus,
  OrganisationKind,
  ProjectStatus,
  Role,
  Stance,
  SupplyChainStage,
  TranslationStatus,
  VoteChoice,
} from "../generated/prisma/client.js";

// ───────────────────────────── delegations ─────────────────────────────

export type DelegationCode = "US" | "JP" | "AU" | "IN";

export interface DelegationSeed {
  code: DelegationCode;
  nameEn: string;
  nameJa: string;
  kind: DelegationKind;
}

export const DELEGATIONS: readonly DelegationSeed[] = [
  { code: "US", nameEn: "United States", nameJa: "アメリカ合衆国", kind: "FOUNDING" },
  { code: "JP", nameEn: "Japan", nameJa: "日本", kind: "FOUNDING" },
  { code: "AU", nameEn: "Australia", nameJa: "オーストラリア", kind: "PARTNER" },
  { code: "IN", nameEn: "India", nameJa: "インド", kind: "PARTNER" },
];

// ───────────────────────────── organisations ─────────────────────────────

export type OrganisationKey = "quandong" | "shiranami" | "larkspur" | "godavari" | "picm" | "amfo";

export interface OrganisationSeed {
  key: OrganisationKey;
  name: string;
  nameJa: string;
  kind: OrganisationKind;
  countryCode: string;
}

export const ORGANISATIONS: readonly OrganisationSeed[] = [
  {
    key: "quandong",
    name: "Quandong Minerals Pty Ltd",
    nameJa: "クアンドン・ミネラルズ",
    kind: "COMPANY",
    countryCode: "AU",
  },
  {
    key: "shiranami",
    name: "Shiranami Magnetics K.K.",
    nameJa: "白波マグネティクス株式会社",
    kind: "COMPANY",
    countryCode: "JP",
  },
  {
    key: "larkspur",
    name: "Larkspur Separation Technologies Inc.",
    nameJa: "ラークスパー・セパレーション・テクノロジーズ",
    kind: "COMPANY",
    countryCode: "US",
  },
  {
    key: "godavari",
    name: "Godavari Magnet Works Pvt Ltd",
    nameJa: "ゴーダーヴァリ・マグネット・ワークス",
    kind: "COMPANY",
    countryCode: "IN",
  },
  {
    key: "picm",
    name: "Pacific Institute for Critical Materials",
    nameJa: "環太平洋重要素材研究所",
    kind: "RESEARCH",
    countryCode: "JP",
  },
  {
    key: "amfo",
    name: "Allied Minerals Finance Office",
    nameJa: "同盟国鉱物金融局",
    kind: "GOVERNMENT_BODY",
    countryCode: "US",
  },
];

// ───────────────────────────── users ─────────────────────────────

export type UserKey =
  | "usDelegate"
  | "usDelegate2"
  | "jpDelegate"
  | "jpDelegate2"
  | "auDelegate"
  | "inDelegate"
  | "coordinator"
  | "coordinatorJp"
  | "admin"
  | "quandongPartner"
  | "quandongEngineer"
  | "shiranamiPartner"
  | "larkspurPartner"
  | "godavariPartner"
  | "picmPartner";

export interface UserSeed {
  key: UserKey;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  delegation?: DelegationCode;
  organisation?: OrganisationKey;
}

export const USERS: readonly UserSeed[] = [
  {
    key: "usDelegate",
    email: "delegate.us@lodestone.example",
    name: "Margaret Ellison",
    role: "DELEGATE",
    locale: "en",
    timeZone: "America/New_York",
    delegation: "US",
  },
  {
    key: "usDelegate2",
    email: "delegate2.us@lodestone.example",
    name: "David Okafor",
    role: "DELEGATE",
    locale: "en",
    timeZone: "America/Chicago",
    delegation: "US",
  },
  {
    key: "jpDelegate",
    email: "delegate.jp@lodestone.example",
    name: "佐藤 恵美",
    role: "DELEGATE",
    locale: "ja",
    timeZone: "Asia/Tokyo",
    delegation: "JP",
  },
  {
    key: "jpDelegate2",
    email: "delegate2.jp@lodestone.example",
    name: "渡辺 健司",
    role: "DELEGATE",
    locale: "ja",
    timeZone: "Asia/Tokyo",
    delegation: "JP",
  },
  {
    key: "auDelegate",
    email: "delegate.au@lodestone.example",
    name: "Olivia Hartley",
    role: "DELEGATE",
    locale: "en",
    timeZone: "Australia/Perth",
    delegation: "AU",
  },
  {
    key: "inDelegate",
    email: "delegate.in@lodestone.example",
    name: "Priya Raman",
    role: "DELEGATE",
    locale: "en",
    timeZone: "Asia/Kolkata",
    delegation: "IN",
  },
  {
    key: "coordinator",
    email: "coordinator@lodestone.example",
    name: "Thomas Reyes",
    role: "COORDINATOR",
    locale: "en",
    timeZone: "America/New_York",
  },
  {
    key: "coordinatorJp",
    email: "coordinator.jp@lodestone.example",
    name: "中村 彩",
    role: "COORDINATOR",
    locale: "ja",
    timeZone: "Asia/Tokyo",
  },
  {
    key: "admin",
    email: "admin@lodestone.example",
    name: "Sam Whitfield",
    role: "ADMIN",
    locale: "en",
    timeZone: "UTC",
  },
  {
    key: "quandongPartner",
    email: "partner@quandong.example",
    name: "Liam Carter",
    role: "PARTNER",
    locale: "en",
    timeZone: "Australia/Perth",
    organisation: "quandong",
  },
  {
    key: "quandongEngineer",
    email: "engineer@quandong.example",
    name: "Grace Nguyen",
    role: "PARTNER",
    locale: "en",
    timeZone: "Australia/Perth",
    organisation: "quandong",
  },
  {
    key: "shiranamiPartner",
    email: "partner@shiranami.example",
    name: "高橋 直樹",
    role: "PARTNER",
    locale: "ja",
    timeZone: "Asia/Tokyo",
    organisation: "shiranami",
  },
  {
    key: "larkspurPartner",
    email: "partner@larkspur.example",
    name: "Rachel Morgan",
    role: "PARTNER",
    locale: "en",
    timeZone: "America/Denver",
    organisation: "larkspur",
  },
  {
    key: "godavariPartner",
    email: "partner@godavari.example",
    name: "Arjun Mehta",
    role: "PARTNER",
    locale: "en",
    timeZone: "Asia/Kolkata",
    organisation: "godavari",
  },
  {
    key: "picmPartner",
    email: "research@picm.example",
    name: "山本 透",
    role: "PARTNER",
    locale: "ja",
    timeZone: "Asia/Tokyo",
    organisation: "picm",
  },
];

/** One account to sign in with per role (documented in the README). */
export const SEED_ACCOUNTS = {
  DELEGATE: "delegate.us@lodestone.example",
  COORDINATOR: "coordinator@lodestone.example",
  PARTNER: "partner@quandong.example",
  ADMIN: "admin@lodestone.example",
} as const satisfies Record<Role, string>;

/** One delegate per delegation; delegate.jp uses the Japanese interface. */
export const SEED_DELEGATES = {
  US: "delegate.us@lodestone.example",
  JP: "delegate.jp@lodestone.example",
  AU: "delegate.au@lodestone.example",
  IN: "delegate.in@lodestone.example",
} as const satisfies Record<DelegationCode, string>;

// ───────────────────────────── projects ─────────────────────────────

export interface SiteSeed {
  country: string;
  region: string;
  latitude: string;
  longitude: string;
  /** The project's reference time zone (milestone due dates are calendar dates there). */
  timeZone: string;
}

/** The parts of a proposal that an earlier revision may have had differently. */
export interface ProposalText {
  summaryEn: string;
  summaryJa: string;
  overviewEn: string;
  overviewJa: string;
  /** Two or three risks with their mitigation: [English, Japanese]. */
  risks: readonly (readonly [string, string])[];
  capacityTpy: number;
  capexUsd: bigint;
  sponsors: readonly DelegationCode[];
}

export type ProposalChanges = Partial<ProposalText>;

/** A vote: the choice, or the choice and its reason (a reason is required for REJECT). */
export type VoteSpec = VoteChoice | readonly [VoteChoice, string];
export type VoteMap = Partial<Record<UserKey, VoteSpec>>;

export type LifecycleStep =
  /** Creates the next revision. `revision` lists how that revision differed from today's text. */
  | { day: number; event: "submit" | "resubmit"; revision?: ProposalChanges }
  | {
      day: number;
      event: "openRound";
      closesAfterDays: number;
      by?: UserKey;
      /** The vote that counts, in the order cast. */
      votes?: VoteMap;
      /** An earlier choice the same delegate changed (kept in the vote history). */
      firstVotes?: VoteMap;
    }
  | { day: number; event: "closeRound"; outcome: DecisionOutcome; rationale: string; by?: UserKey }
  | { day: number; event: "startDelivery" | "complete" | "withdraw"; by?: UserKey };

export interface CommentSeed {
  key: string;
  parent?: string;
  author: UserKey;
  /** Top-level comments only. */
  stance?: Stance;
  body: string;
  day: number;
  edited?: { day: number; previousBody: string };
  hidden?: { day: number; by: UserKey; reason: string };
  deletedDay?: number;
}

export type Assignee = { user: UserKey } | { organisation: OrganisationKey };

export interface MilestoneSeed {
  key: string;
  parent?: string;
  /** Relative weight among siblings; absent means equal weights. */
  weight?: number;
  titleEn: string;
  titleJa: string;
  /** Leaves only: parents take the latest due date, status and weighted progress of their children. */
  dueDay?: number;
  assignee?: Assignee;
  status?: MilestoneStatus;
  progress?: number;
  /** The latest progress report (required for every leaf that is not PLANNED; evidence for DONE). */
  report?: { day: number; note: string; evidence?: string; by?: UserKey };
  replan?: { day: number; fromDueDay: number; reason: string; by: UserKey };
}

export interface ProjectSeed extends ProposalText {
  reference: string;
  organisation: OrganisationKey;
  createdBy: UserKey;
  titleEn: string;
  titleJa: string;
  bindingLanguage: Locale;
  translationEn: TranslationStatus;
  translationJa: TranslationStatus;
  commodity: Commodity;
  stage: SupplyChainStage;
  site: SiteSeed;
  /** The status the steps lead to (checked when seeding). */
  status: ProjectStatus;
  createdDay: number;
  /** Last edit of a draft. */
  editedDay?: number;
  steps: readonly LifecycleStep[];
  comments?: readonly CommentSeed[];
  milestones?: readonly MilestoneSeed[];
}

/** The decision rule every demo round applies (DESIGN.md §6 defaults). */
export const DEFAULT_RULE: DecisionRule = {
  countedDelegations: ["US", "JP", "AU", "IN"],
  requiredDelegations: ["US", "JP"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT",
};

// Votes used by several closed rounds.
const ALL_APPROVE: VoteMap = {
  usDelegate: "APPROVE",
  jpDelegate: "APPROVE",
  usDelegate2: "APPROVE",
  auDelegate: "APPROVE",
  jpDelegate2: "ABSTAIN",
  inDelegate: "APPROVE",
};

const site = (
  country: string,
  region: string,
  latitude: string,
  longitude: string,
  timeZone: string,
): SiteSeed => ({ country, region, latitude, longitude, timeZone });

export const PROJECTS: readonly ProjectSeed[] = [
  {
    reference: "LD-0001",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Yarrabee Heavy Rare Earth Pilot Separation Plant",
    titleJa: "ヤラビー重希土類パイロット分離プラント",
    summaryEn:
      "A 250 t/yr pilot plant that separates dysprosium and terbium oxides from xenotime concentrate, proving the flowsheet for a commercial heavy rare earth refinery outside China.",
    summaryJa:
      "ゼノタイム精鉱からジスプロシウムとテルビウムの酸化物を分離する年産250トンのパイロットプラントです。重希土類の商業精製所に向けたプロセスを実証します。",
    overviewEn:
      "Quandong Minerals will build and run a continuous solvent-extraction pilot next to its Yarrabee concentrator. The pilot treats 250 tonnes of mixed heavy rare earth concentrate a year and produces separated Dy and Tb oxides for qualification by magnet makers in Japan.\n\nThe data from 1,000 hours of continuous operation will fix the design basis for a commercial plant and give the framework's magnet makers their first non-Chinese heavy rare earth samples at scale.",
    overviewJa:
      "クアンドン・ミネラルズは、ヤラビー選鉱場に隣接して連続式の溶媒抽出パイロットプラントを建設・運転します。年間250トンの混合重希土類精鉱を処理し、分離したジスプロシウムとテルビウムの酸化物を日本の磁石メーカーに認定用として供給します。\n\n1,000時間の連続運転で得られるデータは商業プラントの設計基準となり、枠組み参加国の磁石メーカーにとって初めての中国以外からの重希土類サンプルとなります。",
    risks: [
      [
        "**Reagent supply** — two qualified suppliers of extractant, with three months of stock on site.",
        "**試薬の調達** — 抽出剤の認定サプライヤーを2社確保し、現地に3か月分の在庫を置きます。",
      ],
      [
        "**Radioactive residues** — thorium-bearing residues returned to the licensed mine-site facility.",
        "**放射性残渣** — トリウムを含む残渣は、許可を受けた鉱山内の施設に返送します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "DY",
    stage: "SEPARATION",
    site: site("AU", "Western Australia — Goldfields", "-30.749000", "121.466000", "Australia/Perth"),
    capacityTpy: 250,
    capexUsd: 85_000_000n,
    sponsors: ["AU", "JP"],
    status: "COMPLETED",
    createdDay: -760,
    steps: [
      { day: -752, event: "submit" },
      { day: -745, event: "openRound", closesAfterDays: 14, votes: ALL_APPROVE },
      {
        day: -731,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "All four delegations reached quorum and approved. The pilot is small, fully funded by the sponsor and fills the largest gap in the framework's heavy rare earth supply. Approved as submitted.",
      },
      { day: -700, event: "startDelivery" },
      { day: -45, event: "complete" },
    ],
    milestones: [
      {
        key: "build",
        weight: 2,
        titleEn: "Pilot plant build",
        titleJa: "パイロットプラントの建設",
        assignee: { organisation: "quandong" },
      },
      {
        key: "design",
        parent: "build",
        weight: 1,
        titleEn: "Detailed engineering complete",
        titleJa: "詳細設計の完了",
        dueDay: -640,
        assignee: { organisation: "quandong" },
        status: "DONE",
        report: {
          day: -645,
          note: "Issued for construction.",
          evidence: "Issued-for-construction drawing set IFC-0420 (data room, folder 02-Engineering).",
        },
      },
      {
        key: "construct",
        parent: "build",
        weight: 2,
        titleEn: "Construction and mechanical completion",
        titleJa: "建設および機械的完成",
        dueDay: -480,
        assignee: { organisation: "quandong" },
        status: "DONE",
        report: {
          day: -470,
          note: "Mechanical completion ten days late after a cyclone closed the access road.",
          evidence: "Mechanical completion certificate MC-0117 signed by the EPC contractor.",
        },
      },
      {
        key: "commission",
        parent: "build",
        weight: 2,
        titleEn: "Commissioning and 1,000-hour continuous run",
        titleJa: "試運転および1,000時間連続運転",
        dueDay: -300,
        assignee: { user: "quandongEngineer" },
        status: "DONE",
        report: {
          day: -310,
          note: "1,046 hours at 92 per cent availability; Dy2O3 purity 99.6 per cent.",
          evidence: "Run report YPP-RUN-1000 with the daily assay log.",
        },
      },
      {
        key: "qualify",
        weight: 1,
        titleEn: "Product qualification",
        titleJa: "製品の認定",
        assignee: { organisation: "quandong" },
      },
      {
        key: "samples",
        parent: "qualify",
        titleEn: "Dy oxide samples qualified by a magnet maker",
        titleJa: "磁石メーカーによるDy酸化物サンプルの認定",
        dueDay: -150,
        assignee: { organisation: "shiranami" },
        status: "DONE",
        report: {
          day: -160,
          note: "Samples met the magnet grade specification on the first lot.",
          evidence: "Qualification letter SHM-QA-2291 from Shiranami Magnetics.",
        },
      },
      {
        key: "second-train",
        parent: "qualify",
        titleEn: "Second solvent-extraction train",
        titleJa: "第2溶媒抽出系列の増設",
        dueDay: -60,
        assignee: { organisation: "quandong" },
        status: "CANCELLED",
        report: {
          day: -90,
          by: "coordinator",
          note: "Not needed: the pilot met its targets with one train; the capacity moves to the commercial plant.",
        },
      },
    ],
  },
  {
    reference: "LD-0002",
    organisation: "shiranami",
    createdBy: "shiranamiPartner",
    titleEn: "Kawasaki Magnet Swarf Recycling Line",
    titleJa: "川崎 磁石研削くずリサイクルライン",
    summaryEn:
      "Recovers NdPr, Dy and Tb from the grinding swarf of three Japanese magnet factories and returns the oxides to magnet making.",
    summaryJa:
      "国内3か所の磁石工場で発生する研削くずからネオジム・プラセオジム、ジスプロシウム、テルビウムを回収し、酸化物として磁石製造に戻すリサイクルラインです。",
    overviewEn:
      "Up to a third of the rare earth in a sintered magnet ends up as swarf during machining. Shiranami Magnetics will install a hydrogen-decrepitation and leaching line in Kawasaki that turns 1,000 tonnes of swarf a year into separated oxides.\n\nThe line closes the loop between magnet plants in the Keihin area and gives the framework a first, measurable secondary supply.",
    overviewJa:
      "焼結磁石に含まれるレアアースの最大3分の1は、加工工程で研削くずになります。白波マグネティクスは川崎に水素解砕と浸出のラインを設置し、年間1,000トンの研削くずを分離済みの酸化物に戻します。\n\n京浜地区の磁石工場間で資源循環を実現し、枠組みとして初めて計測可能な二次供給源をつくります。",
    risks: [
      [
        "**Feed contamination** — incoming swarf is sampled lot by lot; off-spec lots are returned.",
        "**原料の汚染** — 受け入れる研削くずはロットごとに分析し、規格外は返送します。",
      ],
      [
        "**Hydrogen safety** — the decrepitation unit is housed in a separate, ventilated building.",
        "**水素の安全管理** — 水素解砕装置は換気設備を備えた独立建屋に設置します。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "HUMAN_CHECKED",
    translationJa: "ORIGINAL",
    commodity: "NDPR",
    stage: "RECYCLING",
    site: site("JP", "Kanagawa — Kawasaki", "35.531000", "139.703000", "Asia/Tokyo"),
    capacityTpy: 1_000,
    capexUsd: 42_000_000n,
    sponsors: ["JP", "US"],
    status: "COMPLETED",
    createdDay: -720,
    steps: [
      { day: -714, event: "submit" },
      { day: -705, event: "openRound", closesAfterDays: 14, votes: ALL_APPROVE, by: "coordinatorJp" },
      {
        day: -692,
        event: "closeRound",
        outcome: "APPROVED",
        by: "coordinatorJp",
        rationale:
          "全代表団が定足数に達し、承認しました。既存工場の敷地内で実施でき、リスクが小さい案件です。The project is approved as submitted.",
      },
      { day: -670, event: "startDelivery", by: "coordinatorJp" },
      { day: -90, event: "complete", by: "coordinatorJp" },
    ],
    milestones: [
      {
        key: "decrepitation",
        titleEn: "Hydrogen decrepitation unit installed",
        titleJa: "水素解砕装置の設置",
        dueDay: -560,
        assignee: { user: "shiranamiPartner" },
        status: "DONE",
        report: {
          day: -565,
          note: "設置と耐圧試験が完了しました。",
          evidence: "Pressure test record HD-PT-03 and the fire department's inspection notice.",
        },
      },
      {
        key: "feed",
        titleEn: "Swarf supply agreements with three magnet makers",
        titleJa: "磁石メーカー3社との研削くず供給契約",
        dueDay: -500,
        assignee: { organisation: "shiranami" },
        status: "DONE",
        report: {
          day: -520,
          note: "3社と5年間の供給契約を締結しました。",
          evidence: "Signed supply agreements (redacted copies) in the data room, folder 04-Commercial.",
        },
      },
      {
        key: "purity",
        titleEn: "Recycled NdPr oxide at 99.5 per cent purity",
        titleJa: "再生NdPr酸化物の純度99.5パーセント達成",
        dueDay: -300,
        assignee: { organisation: "picm" },
        status: "DONE",
        report: {
          day: -290,
          by: "picmPartner",
          note: "3ロット連続で99.5パーセント以上を確認しました。",
          evidence: "PICM assay certificates A-5581, A-5582 and A-5583.",
        },
      },
      {
        key: "nameplate",
        titleEn: "Nameplate throughput for 90 days",
        titleJa: "定格処理量での90日間連続運転",
        dueDay: -120,
        assignee: { organisation: "shiranami" },
        status: "DONE",
        report: {
          day: -100,
          note: "90日間の平均処理量は定格の103パーセントでした。",
          evidence: "Operations report KSR-OPS-90 with daily throughput.",
        },
      },
    ],
  },
  {
    reference: "LD-0003",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Kurrajong Hill NdPr Mine Expansion",
    titleJa: "カラジョン・ヒル NdPr 鉱山拡張",
    summaryEn:
      "Doubles ore throughput at the Kurrajong Hill open pit and adds a flotation circuit, lifting mixed rare earth concentrate output to 12,000 t/yr.",
    summaryJa:
      "カラジョン・ヒル露天掘り鉱山の処理量を倍増し、浮遊選鉱回路を増設して、混合レアアース精鉱の生産量を年間12,000トンに引き上げます。",
    overviewEn:
      "Kurrajong Hill is a carbonatite-hosted deposit with a high share of neodymium and praseodymium. The expansion adds a second ball mill, a flotation circuit and a larger tailings facility.\n\nConcentrate will be shipped under long-term contracts to separation plants in the United States and Japan, making it one of the anchors of the framework's supply chain.",
    overviewJa:
      "カラジョン・ヒルはネオジムとプラセオジムの比率が高いカーボナタイト鉱床です。拡張では第2ボールミル、浮遊選鉱回路、より大規模な尾鉱貯留施設を整備します。\n\n精鉱は長期契約により米国と日本の分離工場に出荷され、枠組みのサプライチェーンの柱の一つとなります。",
    risks: [
      [
        "**Water** — a borefield licence for 1.8 GL/yr is in place; process water is recycled at 70 per cent.",
        "**水資源** — 年間1.8ギガリットルの井戸水利用許可を取得済みで、プロセス水の70パーセントを再利用します。",
      ],
      [
        "**Tailings** — the facility raise follows the global industry standard and is reviewed by an independent engineer.",
        "**尾鉱** — 貯留施設のかさ上げは国際基準に従い、独立技術者のレビューを受けます。",
      ],
      [
        "**Offtake price** — floor-price clauses agreed with both offtakers.",
        "**引取価格** — 両引取先と最低価格条項に合意しています。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "MINING",
    site: site("AU", "Western Australia — Mid West", "-28.062000", "117.846000", "Australia/Perth"),
    capacityTpy: 12_000,
    capexUsd: 620_000_000n,
    sponsors: ["AU", "US", "JP"],
    status: "IN_DELIVERY",
    createdDay: -560,
    steps: [
      { day: -550, event: "submit" },
      {
        day: -540,
        event: "openRound",
        closesAfterDays: 21,
        votes: {
          usDelegate: "APPROVE",
          usDelegate2: "APPROVE",
          jpDelegate: "APPROVE",
          jpDelegate2: "APPROVE",
          auDelegate: "APPROVE",
          inDelegate: "ABSTAIN",
        },
      },
      {
        day: -520,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "US, Japan and Australia approved unanimously; India abstained pending its own offtake talks. The project anchors concentrate supply for two separation plants. Approved.",
      },
      { day: -480, event: "startDelivery" },
    ],
    comments: [
      {
        key: "water",
        author: "auDelegate",
        stance: "QUESTION",
        day: -60,
        body: "The borefield licence is for 1.8 GL a year. Does the doubled throughput still fit inside it during a dry year?",
      },
      {
        key: "water-reply",
        parent: "water",
        author: "quandongEngineer",
        day: -58,
        body: "Yes. With the new thickener we recycle 70 per cent of process water, so the expanded plant needs about 1.5 GL in a dry year. The water balance is in the data room (04-Water).",
      },
    ],
    milestones: [
      {
        key: "approvals",
        weight: 1,
        titleEn: "Approvals and agreements",
        titleJa: "許認可と協定",
        assignee: { organisation: "quandong" },
      },
      {
        key: "env-approval",
        parent: "approvals",
        titleEn: "State environmental approval",
        titleJa: "州政府の環境承認",
        dueDay: -420,
        assignee: { organisation: "quandong" },
        status: "DONE",
        report: {
          day: -430,
          note: "Approved with 14 conditions, all already in the management plan.",
          evidence: "Ministerial statement No. 1187 (public register).",
        },
      },
      {
        key: "land-use",
        parent: "approvals",
        titleEn: "Land-use agreement with the Traditional Owners",
        titleJa: "伝統的所有者との土地利用協定",
        dueDay: -360,
        assignee: { user: "quandongPartner" },
        status: "DONE",
        report: {
          day: -350,
          note: "Signed on country after six months of negotiation.",
          evidence: "Registered Indigenous land use agreement WI2024/009.",
        },
      },
      {
        key: "construction",
        weight: 3,
        titleEn: "Construction",
        titleJa: "建設",
        assignee: { organisation: "quandong" },
      },
      {
        key: "epc",
        parent: "construction",
        weight: 1,
        titleEn: "EPC contract awarded for the concentrator",
        titleJa: "選鉱設備のEPC契約締結",
        dueDay: -300,
        assignee: { organisation: "quandong" },
        status: "DONE",
        report: {
          day: -305,
          note: "Lump-sum contract awarded after a tender with four bidders.",
          evidence: "Contract award notice EPC-KH-02.",
        },
      },
      {
        key: "ball-mill",
        parent: "construction",
        weight: 2,
        titleEn: "Second ball mill installed",
        titleJa: "第2ボールミルの据付",
        dueDay: 45,
        assignee: { user: "quandongEngineer" },
        status: "IN_PROGRESS",
        progress: 60,
        report: { day: -4, note: "Mill shell on its foundations; girth gear alignment next week." },
        replan: {
          day: -25,
          fromDueDay: -20,
          by: "coordinator",
          reason: "The mill shell was held at the port of Fremantle for five weeks by a customs inspection.",
        },
      },
      {
        key: "tailings",
        parent: "construction",
        weight: 1,
        titleEn: "Tailings storage facility raise",
        titleJa: "尾鉱貯留施設のかさ上げ",
        dueDay: -12,
        assignee: { organisation: "quandong" },
        status: "BLOCKED",
        progress: 30,
        report: {
          day: -15,
          by: "quandongEngineer",
          note: "Earthworks stopped until the regulator completes its dam-safety review of the revised design.",
        },
      },
      {
        key: "financing",
        titleEn: "Export-credit loan financial close",
        titleJa: "輸出信用融資の最終合意",
        dueDay: -30,
        assignee: { organisation: "amfo" },
        status: "IN_PROGRESS",
        progress: 85,
        report: {
          day: -7,
          by: "coordinator",
          note: "Term sheet agreed; waiting for the last lender's credit committee.",
        },
      },
      {
        key: "first-shipment",
        titleEn: "First concentrate shipment to the Gulf Coast separation plant",
        titleJa: "米国メキシコ湾岸の分離工場への初回精鉱出荷",
        dueDay: 150,
        assignee: { user: "quandongPartner" },
      },
    ],
  },
  {
    reference: "LD-0004",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Gulf Coast Rare Earth Separation Facility",
    titleJa: "メキシコ湾岸レアアース分離施設",
    summaryEn:
      "A 5,000 t/yr solvent-extraction plant in Texas that separates NdPr and heavy rare earth oxides from allied-country concentrate.",
    summaryJa:
      "同盟国産の精鉱からネオジム・プラセオジムと重希土類の酸化物を分離する、テキサス州の年産5,000トンの溶媒抽出プラントです。",
    overviewEn:
      "Larkspur Separation Technologies will build the first commercial-scale rare earth separation plant on the US Gulf Coast. The plant takes concentrate from Kurrajong Hill (LD-0003) and other framework mines and produces NdPr oxide plus a Dy/Tb heavy fraction.\n\nThe site sits in an existing chemical park with rail, deep-water port access and a trained workforce.",
    overviewJa:
      "ラークスパー・セパレーション・テクノロジーズは、米国メキシコ湾岸で初めての商業規模のレアアース分離工場を建設します。カラジョン・ヒル（LD-0003）などの枠組み参加鉱山の精鉱を受け入れ、ネオジム・プラセオジム酸化物とジスプロシウム・テルビウムの重希土類留分を生産します。\n\n立地は鉄道と大水深港に接続した既存の化学コンビナート内にあり、熟練した労働力を確保できます。",
    risks: [
      [
        "**Permitting time** — air and water permits were filed in parallel with engineering.",
        "**許認可の期間** — 大気・排水の許可申請を設計と並行して進めています。",
      ],
      [
        "**Feed security** — binding offtake with two mines covers 80 per cent of nameplate.",
        "**原料の確保** — 2鉱山との拘束力ある引取契約で定格の80パーセントを確保しています。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "SEPARATION",
    site: site("US", "Texas — Calhoun County", "28.615000", "-96.626000", "America/Chicago"),
    capacityTpy: 5_000,
    capexUsd: 780_000_000n,
    sponsors: ["US", "JP"],
    status: "IN_DELIVERY",
    createdDay: -500,
    steps: [
      { day: -492, event: "submit" },
      {
        day: -480,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          jpDelegate: "APPROVE",
          usDelegate2: "APPROVE",
          jpDelegate2: "APPROVE",
          auDelegate: "APPROVE",
          inDelegate: [
            "REJECT",
            "India would prefer the heavy fraction to be separated in a partner country first.",
          ],
        },
      },
      {
        day: -466,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "Both founding delegations approved unanimously and Australia approved; India voted against for reasons of allocation, not merit. Approved, with a request to report the heavy-fraction split each quarter.",
      },
      { day: -420, event: "startDelivery" },
    ],
    comments: [
      {
        key: "pilot",
        author: "usDelegate",
        stance: "SUPPORT",
        day: -230,
        body: "Good to see the 500-hour pilot finish ahead of plan. Could the pilot data be shared with the Japanese magnet makers so they can start qualification early?",
      },
      {
        key: "pilot-reply",
        parent: "pilot",
        author: "larkspurPartner",
        day: -228,
        body: "Yes, the full pilot report (TR-2024-118) is in the data room, and PICM has agreed to run the qualification tests in Tsukuba.",
      },
    ],
    milestones: [
      {
        key: "engineering",
        titleEn: "Engineering",
        titleJa: "設計",
        assignee: { organisation: "larkspur" },
      },
      {
        key: "feed-design",
        parent: "engineering",
        titleEn: "Front-end engineering design",
        titleJa: "基本設計（FEED）",
        dueDay: -350,
        assignee: { organisation: "larkspur" },
        status: "DONE",
        report: {
          day: -355,
          note: "FEED package accepted by the owner's engineer.",
          evidence: "FEED close-out report LST-FEED-001.",
        },
      },
      {
        key: "pilot",
        parent: "engineering",
        titleEn: "500-hour solvent-extraction pilot campaign",
        titleJa: "溶媒抽出パイロット500時間運転",
        dueDay: -250,
        assignee: { organisation: "picm" },
        status: "DONE",
        report: {
          day: -240,
          by: "picmPartner",
          note: "512時間の連続運転を完了しました。",
          evidence: "PICM test report TR-2024-118.",
        },
      },
      {
        key: "permits",
        titleEn: "Permits",
        titleJa: "許認可",
        assignee: { organisation: "larkspur" },
      },
      {
        key: "air-permit",
        parent: "permits",
        titleEn: "State air permit",
        titleJa: "州の大気排出許可",
        dueDay: -8,
        assignee: { organisation: "larkspur" },
        status: "IN_PROGRESS",
        progress: 80,
        report: {
          day: -10,
          by: "larkspurPartner",
          note: "Public comment period closed; the agency's response to comments is pending.",
        },
      },
      {
        key: "water-permit",
        parent: "permits",
        titleEn: "Wastewater discharge permit",
        titleJa: "排水放流許可",
        dueDay: 60,
        assignee: { organisation: "larkspur" },
      },
      {
        key: "offtake-build",
        weight: 2,
        titleEn: "Offtake and construction",
        titleJa: "引取契約と建設",
        assignee: { organisation: "larkspur" },
      },
      {
        key: "offtake",
        parent: "offtake-build",
        weight: 1,
        titleEn: "Government offtake agreement for separated oxides",
        titleJa: "分離酸化物の政府引取契約",
        dueDay: 30,
        assignee: { user: "usDelegate2" },
        status: "IN_PROGRESS",
        progress: 50,
        report: { day: -6, note: "Draft agreement with the agencies' counsel; price clause still open." },
      },
      {
        key: "site-prep",
        parent: "offtake-build",
        weight: 2,
        titleEn: "Site preparation and foundations",
        titleJa: "用地造成および基礎工事",
        dueDay: 90,
        assignee: { user: "larkspurPartner" },
        status: "IN_PROGRESS",
        progress: 40,
        report: { day: -3, note: "Piling 40 per cent complete; the SX building slab is poured." },
      },
      {
        key: "commissioning",
        parent: "offtake-build",
        weight: 2,
        titleEn: "Commissioning of the first SX circuit",
        titleJa: "第1溶媒抽出回路の試運転",
        dueDay: 300,
        assignee: { organisation: "larkspur" },
      },
    ],
  },
  {
    reference: "LD-0005",
    organisation: "godavari",
    createdBy: "godavariPartner",
    titleEn: "Visakhapatnam Samarium–Cobalt Magnet Plant",
    titleJa: "ヴィシャーカパトナム サマリウム・コバルト磁石工場",
    summaryEn:
      "A 600 t/yr SmCo magnet plant for defence and aerospace motors that must work at high temperature.",
    summaryJa:
      "高温環境で使われる防衛・航空宇宙用モーター向けに、年産600トンのサマリウム・コバルト磁石を製造する工場です。",
    overviewEn:
      "Samarium–cobalt magnets keep their strength above 300 °C, where NdFeB magnets fail. Godavari Magnet Works will build a powder-metallurgy plant with vacuum sintering furnaces in the Visakhapatnam industrial park.\n\nThe plant gives the framework a second source of high-temperature magnets and uses samarium, which is in surplus compared with neodymium.",
    overviewJa:
      "サマリウム・コバルト磁石は、ネオジム磁石が性能を保てない300℃以上でも磁力を維持します。ゴーダーヴァリ・マグネット・ワークスは、ヴィシャーカパトナムの工業団地に真空焼結炉を備えた粉末冶金工場を建設します。\n\n高温用磁石の第二の供給源となり、ネオジムに比べて余剰のあるサマリウムを活用します。",
    risks: [
      [
        "**Samarium supply** — the oxide contract is the critical path; two suppliers are in negotiation.",
        "**サマリウムの調達** — 酸化物の供給契約がクリティカルパスであり、2社と交渉中です。",
      ],
      [
        "**Cobalt price** — cobalt is hedged for the first two years of production.",
        "**コバルト価格** — 生産開始後2年間のコバルト価格をヘッジします。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "SM",
    stage: "MAGNET",
    site: site("IN", "Andhra Pradesh — Visakhapatnam", "17.686000", "83.218000", "Asia/Kolkata"),
    capacityTpy: 600,
    capexUsd: 95_000_000n,
    sponsors: ["IN", "JP"],
    status: "IN_DELIVERY",
    createdDay: -400,
    steps: [
      { day: -390, event: "submit" },
      { day: -380, event: "openRound", closesAfterDays: 14, votes: ALL_APPROVE },
      {
        day: -367,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "Approved by every delegation that voted. High-temperature magnets are a gap the framework had not yet covered.",
      },
      { day: -200, event: "startDelivery" },
    ],
    milestones: [
      {
        key: "land",
        titleEn: "Land allotment in the industrial park",
        titleJa: "工業団地の用地割当",
        dueDay: -170,
        assignee: { organisation: "godavari" },
        status: "DONE",
        report: {
          day: -175,
          note: "Twelve acres allotted on a 99-year lease.",
          evidence: "Allotment letter APIIC/VSP/2291.",
        },
      },
      {
        key: "samarium",
        titleEn: "Samarium oxide supply contract",
        titleJa: "サマリウム酸化物の供給契約",
        dueDay: -20,
        assignee: { user: "godavariPartner" },
        status: "BLOCKED",
        progress: 20,
        report: {
          day: -18,
          note: "Both candidate suppliers want a price index we cannot accept; the coordinators are asked to help.",
        },
      },
      {
        key: "furnaces",
        titleEn: "Vacuum sintering furnaces procured",
        titleJa: "真空焼結炉の調達",
        dueDay: 70,
        assignee: { organisation: "godavari" },
        status: "IN_PROGRESS",
        progress: 35,
        report: { day: -9, note: "Two of four furnaces ordered; factory acceptance tests booked." },
      },
      {
        key: "rail",
        titleEn: "Rail siding to the plant",
        titleJa: "工場への鉄道引込線",
        dueDay: 120,
        assignee: { organisation: "godavari" },
        status: "CANCELLED",
        report: {
          day: -40,
          by: "coordinator",
          note: "Road haulage chosen: the volumes are too small to justify a siding.",
        },
      },
      {
        key: "samples",
        titleEn: "Customer qualification samples shipped",
        titleJa: "顧客認定用サンプルの出荷",
        dueDay: 200,
        assignee: { user: "godavariPartner" },
      },
    ],
  },
  {
    reference: "LD-0006",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Lào Cai Ionic Clay Heap Leach Trial",
    titleJa: "ラオカイ イオン吸着型粘土ヒープリーチ試験",
    summaryEn:
      "A heap-leach trial on ionic clay deposits in northern Vietnam to recover dysprosium-rich mixed rare earth carbonate.",
    summaryJa:
      "ベトナム北部のイオン吸着型粘土鉱床でヒープリーチ試験を行い、ジスプロシウムに富む混合レアアース炭酸塩を回収する計画です。",
    overviewEn:
      "Ionic clays are the world's main source of heavy rare earths. The trial would leach 3,000 tonnes a year of clay with ammonium sulphate on lined pads and precipitate a mixed carbonate for export.",
    overviewJa:
      "イオン吸着型粘土は重希土類の世界的な主要供給源です。本試験では、遮水シートを敷いたパッド上で年間3,000トンの粘土を硫酸アンモニウムで浸出し、混合炭酸塩を沈殿させて輸出します。",
    risks: [
      [
        "**Groundwater** — lined pads and monitoring wells around the trial area.",
        "**地下水** — 試験区域の周囲に遮水パッドと観測井を設置します。",
      ],
      [
        "**Community consent** — consultation with three communes before the trial starts.",
        "**地域の同意** — 試験開始前に3つの村と協議します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "DY",
    stage: "MINING",
    site: site("VN", "Lào Cai — Bát Xát", "22.535000", "103.885000", "Asia/Ho_Chi_Minh"),
    capacityTpy: 3_000,
    capexUsd: 120_000_000n,
    sponsors: ["JP", "AU"],
    status: "REJECTED",
    createdDay: -300,
    steps: [
      { day: -290, event: "submit" },
      {
        day: -280,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: [
            "REJECT",
            "Ammonium sulphate heap leaching has a poor groundwater record; in-situ alternatives were not assessed.",
          ],
          jpDelegate: ["REJECT", "環境影響評価が不十分であり、地下水への影響が評価されていません。"],
          usDelegate2: ["REJECT", "No closure plan or closure bond."],
          jpDelegate2: "APPROVE",
          auDelegate: "APPROVE",
          inDelegate: "ABSTAIN",
        },
      },
      {
        day: -266,
        event: "closeRound",
        outcome: "REJECTED",
        rationale:
          "The United States rejected and Japan did not approve (one for, one against). Both delegations asked for a full groundwater assessment and a closure plan; the sponsor may submit a new proposal that includes them.",
      },
    ],
    comments: [
      {
        key: "ammonium",
        author: "jpDelegate",
        stance: "OPPOSE",
        day: -276,
        body: "ヒープリーチで使う硫酸アンモニウムが地下水に流出した事例が他国で報告されています。レアアースの確保は重要ですが、環境基準を満たさない案件は支援できません。",
      },
      {
        key: "ammonium-reply",
        parent: "ammonium",
        author: "quandongEngineer",
        day: -275,
        body: "Understood. The pads are double-lined with leak detection, but we accept that a hydrogeological study should come first. We will come back with one.",
      },
    ],
  },
  {
    reference: "LD-0007",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Araxá Tailings Rare Earth Recovery",
    titleJa: "アラシャ 鉱滓からのレアアース回収",
    summaryEn:
      "Recovers cerium and NdPr from historical tailings of a phosphate and niobium district in Minas Gerais.",
    summaryJa:
      "ミナスジェライス州のリン鉱石・ニオブ鉱山地帯に堆積した過去の鉱滓からセリウムとネオジム・プラセオジムを回収します。",
    overviewEn:
      "Decades of mining left tailings that carry several percent rare earth oxide. The project would reprocess them by flotation and acid leaching and separate a cerium product and an NdPr concentrate.",
    overviewJa:
      "数十年にわたる採掘で、数パーセントのレアアース酸化物を含む鉱滓が残されています。浮遊選鉱と酸浸出で再処理し、セリウム製品とネオジム・プラセオジム精鉱に分離します。",
    risks: [
      [
        "**Tailings ownership** — title to the tailings is shared by three parties.",
        "**鉱滓の所有権** — 鉱滓の権利は3者が共有しています。",
      ],
      [
        "**Cerium market** — cerium is in surplus; the economics rely on NdPr.",
        "**セリウム市場** — セリウムは供給過剰であり、採算はネオジム・プラセオジムに依存します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "CE",
    stage: "SEPARATION",
    site: site("BR", "Minas Gerais — Araxá", "-19.593000", "-46.940000", "America/Sao_Paulo"),
    capacityTpy: 6_000,
    capexUsd: 180_000_000n,
    sponsors: ["US"],
    status: "WITHDRAWN",
    createdDay: -260,
    steps: [
      { day: -250, event: "submit" },
      {
        day: -240,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          usDelegate2: ["REJECT", "Title to the tailings is unresolved."],
          jpDelegate: ["REJECT", "鉱滓の権利関係が未解決です。"],
          jpDelegate2: "ABSTAIN",
        },
      },
      {
        day: -226,
        event: "closeRound",
        outcome: "CHANGES_REQUESTED",
        rationale:
          "Neither founding delegation approved. Please resolve title to the tailings and show the economics without the cerium credit, then resubmit.",
      },
      { day: -200, event: "withdraw", by: "larkspurPartner" },
    ],
  },
  {
    reference: "LD-0008",
    organisation: "shiranami",
    createdBy: "shiranamiPartner",
    titleEn: "Tomakomai Sintered NdFeB Magnet Line",
    titleJa: "苫小牧 焼結ネオジム磁石ライン",
    summaryEn:
      "A 4,000 t/yr sintered NdFeB magnet line in Hokkaido supplying EV motor makers in Japan and the United States.",
    summaryJa:
      "北海道に年産4,000トンの焼結ネオジム磁石ラインを建設し、日米の電気自動車用モーターメーカーに供給します。",
    overviewEn:
      "Shiranami Magnetics will add a fully automated sintering line at its Tomakomai plant, using strip-cast alloy from framework suppliers. Grain-boundary diffusion cuts dysprosium use by 70 per cent.\n\nThe line is sized for the traction motors of about 1.5 million vehicles a year.",
    overviewJa:
      "白波マグネティクスは苫小牧工場に全自動の焼結ラインを増設し、枠組み参加国のサプライヤーから調達したストリップキャスト合金を使用します。粒界拡散技術により、ジスプロシウムの使用量を70パーセント削減します。\n\n年間約150万台分の駆動モーター用磁石に相当する生産能力です。",
    risks: [
      [
        "**Alloy supply** — two alloy suppliers qualified; a six-week buffer stock.",
        "**合金の調達** — 合金サプライヤー2社を認定済みで、6週間分の在庫を持ちます。",
      ],
      [
        "**Demand** — letters of intent from three motor makers cover 60 per cent of output.",
        "**需要** — モーターメーカー3社の基本合意書で生産量の60パーセントをカバーしています。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "HUMAN_CHECKED",
    translationJa: "ORIGINAL",
    commodity: "NDPR",
    stage: "MAGNET",
    site: site("JP", "Hokkaido — Tomakomai", "42.634000", "141.605000", "Asia/Tokyo"),
    capacityTpy: 4_000,
    capexUsd: 410_000_000n,
    sponsors: ["JP", "US"],
    status: "APPROVED",
    createdDay: -240,
    steps: [
      { day: -170, event: "submit" },
      { day: -80, event: "openRound", closesAfterDays: 14, by: "coordinatorJp", votes: ALL_APPROVE },
      {
        day: -66,
        event: "closeRound",
        outcome: "APPROVED",
        by: "coordinatorJp",
        rationale:
          "全代表団が承認しました。磁石の製造能力はサプライチェーン全体の採算性を左右するため、早期の着工を期待します。Approved.",
      },
    ],
    comments: [
      {
        key: "support",
        author: "jpDelegate2",
        stance: "SUPPORT",
        day: -75,
        body: "粒界拡散によるジスプロシウム削減は、重希土類の供給リスクを大きく下げます。ネオジム磁石の国内生産能力の強化として支持します。",
      },
    ],
  },
  {
    reference: "LD-0009",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Goiás Ionic Clay Dysprosium Project",
    titleJa: "ゴイアス イオン吸着型粘土ジスプロシウム計画",
    summaryEn:
      "Open-pit mining of ionic clays in central Brazil with in-situ desorption to produce a dysprosium- and terbium-rich carbonate.",
    summaryJa:
      "ブラジル中部のイオン吸着型粘土を露天掘りし、脱着処理によりジスプロシウムとテルビウムに富む炭酸塩を生産します。",
    overviewEn:
      "The deposit covers 40 km² of weathered granite. The project would mine 2,500 tonnes of contained rare earth oxide a year and ship carbonate to separation plants in the framework.",
    overviewJa:
      "鉱床は風化花崗岩40平方キロメートルに広がります。年間2,500トン（レアアース酸化物換算）を採掘し、炭酸塩を枠組み参加国の分離工場へ出荷します。",
    risks: [
      [
        "**Land clearing** — 600 ha of savanna would be cleared over the mine life.",
        "**土地の改変** — 操業期間中に600ヘクタールのサバンナを伐採します。",
      ],
      [
        "**Grade** — the resource is inferred only; no measured resource yet.",
        "**品位** — 資源量は推定段階であり、確定資源量はまだありません。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "DY",
    stage: "MINING",
    site: site("BR", "Goiás — Minaçu", "-13.533000", "-48.220000", "America/Sao_Paulo"),
    capacityTpy: 2_500,
    capexUsd: 210_000_000n,
    sponsors: ["US"],
    status: "REJECTED",
    createdDay: -230,
    steps: [
      { day: -215, event: "submit" },
      {
        day: -120,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: ["REJECT", "An inferred resource is not enough to commit public support."],
          jpDelegate: ["REJECT", "資源量が推定段階にとどまっています。"],
          usDelegate2: "ABSTAIN",
          jpDelegate2: ["REJECT", "土地改変の面積が大きすぎます。"],
          auDelegate: ["REJECT", "Premature: come back after a pre-feasibility study."],
        },
      },
      {
        day: -106,
        event: "closeRound",
        outcome: "REJECTED",
        rationale:
          "Rejected by every delegation that voted. The resource is only inferred and the land clearing is large; the delegations invite a new proposal after a pre-feasibility study.",
      },
    ],
  },
  {
    reference: "LD-0010",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Kwale Coast Monazite Mine",
    titleJa: "クワレ海岸 モナザイト鉱山",
    summaryEn:
      "Mines heavy mineral sands on the Kenyan coast for monazite, with on-site concentration and thorium management.",
    summaryJa:
      "ケニア沿岸の重鉱物砂からモナザイトを採掘し、現地で精鉱化するとともにトリウムを管理する計画です。",
    overviewEn:
      "Monazite is a by-product of the region's mineral sands. The project adds a wet concentrator and a dry separation plant to recover 8,000 tonnes of monazite concentrate a year, with a lined, monitored store for thorium-bearing residues.\n\nRevision 2 adds a community health baseline and a thorium disposal route agreed with the national regulator.",
    overviewJa:
      "モナザイトはこの地域の鉱物砂の副産物です。湿式選鉱設備と乾式分離設備を増設して年間8,000トンのモナザイト精鉱を回収し、トリウムを含む残渣は遮水・監視された貯蔵施設で管理します。\n\n第2版では、地域住民の健康に関するベースライン調査と、国の規制当局と合意したトリウムの処分方法を追加しました。",
    risks: [
      [
        "**Thorium** — residues stored in a licensed facility; disposal route agreed with the regulator.",
        "**トリウム** — 残渣は許可施設で保管し、処分方法を規制当局と合意済みです。",
      ],
      [
        "**Coastal ecology** — progressive rehabilitation of mined dunes within 18 months.",
        "**沿岸生態系** — 採掘した砂丘は18か月以内に順次修復します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "MINING",
    site: site("KE", "Kwale County — Coast", "-4.174000", "39.452000", "Africa/Nairobi"),
    capacityTpy: 8_000,
    capexUsd: 340_000_000n,
    sponsors: ["AU", "US"],
    status: "CHANGES_REQUESTED",
    createdDay: -220,
    steps: [
      {
        day: -205,
        event: "submit",
        revision: {
          capexUsd: 290_000_000n,
          overviewEn:
            "Monazite is a by-product of the region's mineral sands. The project adds a wet concentrator and a dry separation plant to recover 8,000 tonnes of monazite concentrate a year, with a lined, monitored store for thorium-bearing residues.",
          overviewJa:
            "モナザイトはこの地域の鉱物砂の副産物です。湿式選鉱設備と乾式分離設備を増設して年間8,000トンのモナザイト精鉱を回収し、トリウムを含む残渣は遮水・監視された貯蔵施設で管理します。",
          risks: [
            [
              "**Thorium** — residues stored on site pending a national disposal facility.",
              "**トリウム** — 国の処分施設ができるまで、残渣は現地で保管します。",
            ],
            [
              "**Coastal ecology** — progressive rehabilitation of mined dunes.",
              "**沿岸生態系** — 採掘した砂丘は順次修復します。",
            ],
          ],
        },
      },
      {
        day: -190,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: ["REJECT", "No disposal route for thorium."],
          usDelegate2: "APPROVE",
          jpDelegate: "ABSTAIN",
          auDelegate: "APPROVE",
          inDelegate: ["REJECT", "Health baseline missing."],
        },
      },
      {
        day: -176,
        event: "closeRound",
        outcome: "CHANGES_REQUESTED",
        rationale:
          "The United States was split and Japan abstained, so neither founding delegation approved. Please add an agreed thorium disposal route and a community health baseline.",
      },
      { day: -90, event: "resubmit" },
      {
        day: -75,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          usDelegate2: "APPROVE",
          jpDelegate: ["REJECT", "設備投資額の増加理由が説明されていません。"],
          jpDelegate2: ["REJECT", "第1版から5,000万ドル増えた理由を示してください。"],
          auDelegate: "APPROVE",
          inDelegate: "APPROVE",
        },
      },
      {
        day: -61,
        event: "closeRound",
        outcome: "CHANGES_REQUESTED",
        by: "coordinatorJp",
        rationale:
          "The United States now approves; Japan asks why capex rose by US$50 million since revision 1. Please add a capex bridge and resubmit.",
      },
    ],
    comments: [
      {
        key: "thorium",
        author: "coordinator",
        stance: "QUESTION",
        day: -185,
        body: "Where will the thorium-bearing residues go once the on-site store is full? The delegations will want an agreed route, not a plan to find one.",
      },
      {
        key: "thorium-reply",
        parent: "thorium",
        author: "quandongPartner",
        day: -183,
        body: "Fair point. We are negotiating with the national regulator for disposal at its licensed facility and will include the agreement in revision 2.",
      },
      {
        key: "health",
        author: "inDelegate",
        stance: "OPPOSE",
        day: -180,
        body: "India cannot support a monazite project without a baseline health survey of the nearby villages. This is standard practice on our own coast.",
      },
      {
        key: "capex",
        author: "jpDelegate2",
        stance: "QUESTION",
        day: -70,
        body: "第2版で設備投資額が2億9,000万ドルから3億4,000万ドルに増えています。増加分の内訳を示していただけますか。",
      },
    ],
  },
  {
    reference: "LD-0011",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Laurentides Flake Graphite Mine",
    titleJa: "ローレンティッド 鱗状黒鉛鉱山",
    summaryEn:
      "A 45,000 t/yr flake graphite mine and concentrator in Québec feeding battery anode plants in North America and Japan.",
    summaryJa:
      "ケベック州で年産45,000トンの鱗状黒鉛鉱山と選鉱設備を整備し、北米と日本の電池負極材工場に供給します。",
    overviewEn:
      "Graphite is the largest component of a lithium-ion battery by weight. The mine will produce large-flake concentrate on hydro power, with dry-stacked tailings and a short truck haul to rail.",
    overviewJa:
      "黒鉛はリチウムイオン電池で重量が最も大きい構成材料です。水力発電の電力で大粒の鱗状黒鉛精鉱を生産し、尾鉱は乾式堆積とし、鉄道までの短距離をトラックで輸送します。",
    risks: [
      [
        "**Price** — flake graphite prices are volatile; offtake is indexed with a floor.",
        "**価格** — 鱗状黒鉛の価格は変動が大きく、引取契約は下限付きの指数連動です。",
      ],
      [
        "**Winter logistics** — a 10-week concentrate stockpile covers road closures.",
        "**冬季の物流** — 道路閉鎖に備えて10週間分の精鉱在庫を確保します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "GRAPHITE",
    stage: "MINING",
    site: site("CA", "Québec — Laurentides", "46.604000", "-75.012000", "America/Toronto"),
    capacityTpy: 45_000,
    capexUsd: 350_000_000n,
    sponsors: ["US", "JP"],
    status: "APPROVED",
    createdDay: -210,
    steps: [
      { day: -190, event: "submit" },
      {
        day: -60,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          jpDelegate: "APPROVE",
          jpDelegate2: "APPROVE",
          auDelegate: "ABSTAIN",
        },
      },
      {
        day: -46,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "Both founding delegations approved. Australia abstained as a competing producer. Approved.",
      },
    ],
  },
  {
    reference: "LD-0012",
    organisation: "picm",
    createdBy: "picmPartner",
    titleEn: "Tsukuba Terbium Grain-Boundary Diffusion Pilot",
    titleJa: "つくば テルビウム粒界拡散パイロット",
    summaryEn:
      "A pilot line that coats magnets with terbium alloy and diffuses it along grain boundaries, halving heavy rare earth use per motor.",
    summaryJa:
      "磁石表面にテルビウム合金を塗布して粒界に拡散させるパイロットラインです。モーター1台あたりの重希土類使用量を半減します。",
    overviewEn:
      "The institute will scale its laboratory process to 150 tonnes of magnets a year and publish the process window so that every magnet maker in the framework can adopt it.",
    overviewJa:
      "研究所は実験室規模の技術を年間150トンの磁石処理に拡大し、その処理条件を公開して、枠組みのすべての磁石メーカーが採用できるようにします。",
    risks: [
      [
        "**Scale-up** — coating uniformity at scale is unproven; a staged ramp-up is planned.",
        "**スケールアップ** — 量産規模での塗布均一性は未実証のため、段階的に立ち上げます。",
      ],
      [
        "**Licensing** — results are published under a royalty-free licence for framework members.",
        "**ライセンス** — 成果は枠組み参加者向けに無償ライセンスで公開します。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "HUMAN_CHECKED",
    translationJa: "ORIGINAL",
    commodity: "TB",
    stage: "METAL_ALLOY",
    site: site("JP", "Ibaraki — Tsukuba", "36.083000", "140.076000", "Asia/Tokyo"),
    capacityTpy: 150,
    capexUsd: 38_000_000n,
    sponsors: ["JP"],
    status: "APPROVED",
    createdDay: -200,
    steps: [
      { day: -180, event: "submit" },
      { day: -50, event: "openRound", closesAfterDays: 14, by: "coordinatorJp", votes: ALL_APPROVE },
      {
        day: -36,
        event: "closeRound",
        outcome: "APPROVED",
        by: "coordinatorJp",
        rationale:
          "全代表団が承認しました。成果の無償公開により、枠組み全体の重希土類使用量の削減が期待されます。Approved.",
      },
    ],
  },
  {
    reference: "LD-0013",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Saskatoon NdPr Metal and Alloy Plant",
    titleJa: "サスカトゥーン NdPr 金属・合金工場",
    summaryEn:
      "Reduces NdPr oxide to metal by molten-salt electrolysis and casts NdFeB strip alloy for magnet makers.",
    summaryJa:
      "溶融塩電解によりネオジム・プラセオジム酸化物を金属に還元し、磁石メーカー向けに NdFeB ストリップキャスト合金を鋳造します。",
    overviewEn:
      "Metal making is the thinnest link between separation and magnets outside China. The plant will run 3,000 tonnes a year of NdPr metal through fluoride-salt electrolysis cells and a strip caster.\n\nRevision 2 adds a second cell line for redundancy and a fluorine scrubbing system that meets the provincial limits with margin.",
    overviewJa:
      "金属化は、中国以外で分離と磁石をつなぐ工程のうち最も手薄な部分です。年間3,000トンのネオジム・プラセオジム金属をフッ化物溶融塩電解槽とストリップキャスターで生産します。\n\n第2版では、冗長性のための第2電解ラインと、州の排出基準を十分に下回るフッ素除去設備を追加しました。",
    risks: [
      [
        "**Fluorine emissions** — wet scrubbers and continuous monitoring at the stack.",
        "**フッ素の排出** — 湿式スクラバーと煙突での連続監視を行います。",
      ],
      [
        "**Power** — a 20-year supply contract with the provincial utility.",
        "**電力** — 州の電力会社と20年間の供給契約を結びます。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "METAL_ALLOY",
    site: site("CA", "Saskatchewan — Saskatoon", "52.133000", "-106.670000", "America/Regina"),
    capacityTpy: 3_000,
    capexUsd: 260_000_000n,
    sponsors: ["US", "JP"],
    status: "IN_REVIEW",
    createdDay: -180,
    steps: [
      {
        day: -160,
        event: "submit",
        revision: {
          capexUsd: 215_000_000n,
          overviewEn:
            "Metal making is the thinnest link between separation and magnets outside China. The plant will run 3,000 tonnes a year of NdPr metal through fluoride-salt electrolysis cells and a strip caster.",
          overviewJa:
            "金属化は、中国以外で分離と磁石をつなぐ工程のうち最も手薄な部分です。年間3,000トンのネオジム・プラセオジム金属をフッ化物溶融塩電解槽とストリップキャスターで生産します。",
        },
      },
      {
        day: -150,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          usDelegate2: ["REJECT", "A single cell line is a single point of failure for the whole chain."],
          jpDelegate: ["REJECT", "フッ素排出対策が不十分です。"],
          jpDelegate2: "ABSTAIN",
          auDelegate: "APPROVE",
        },
      },
      {
        day: -136,
        event: "closeRound",
        outcome: "CHANGES_REQUESTED",
        rationale:
          "Neither founding delegation approved. Please add redundancy in the electrolysis line and a fluorine abatement design, then resubmit.",
      },
      { day: -20, event: "resubmit" },
      { day: -2, event: "openRound", closesAfterDays: 14, votes: { inDelegate: "APPROVE" } },
    ],
    comments: [
      {
        key: "changes",
        author: "coordinator",
        stance: "QUESTION",
        day: -1.8,
        body: "For the delegations' convenience: what changed between revision 1 and revision 2, apart from the capex?",
      },
      {
        key: "changes-reply",
        parent: "changes",
        author: "larkspurPartner",
        day: -1.5,
        body: "Two things: a second electrolysis cell line (so one line can be relined while the other runs) and a wet scrubber with continuous fluorine monitoring. Together they account for the US$45 million increase.",
      },
      {
        key: "support",
        author: "jpDelegate",
        stance: "SUPPORT",
        day: -1.2,
        body: "第2版でフッ素除去設備が追加されたことを評価します。ネオジム金属の供給源の多様化は日本の磁石産業にとって重要です。",
      },
      {
        key: "duplicate",
        author: "jpDelegate",
        stance: "NEUTRAL",
        day: -1.1,
        body: "（重複して投稿しました）第2版でフッ素除去設備が追加されたことを評価します。",
        deletedDay: -1.05,
      },
    ],
  },
  {
    reference: "LD-0014",
    organisation: "quandong",
    createdBy: "quandongEngineer",
    titleEn: "Northern Territory Samarium Offtake Study",
    titleJa: "ノーザンテリトリー サマリウム引取調査",
    summaryEn:
      "A study of a samarium-rich zone of an existing rare earth project to supply SmCo magnet makers.",
    summaryJa:
      "既存のレアアース事業のうちサマリウムに富む区域を調査し、サマリウム・コバルト磁石メーカーへの供給可能性を検討します。",
    overviewEn:
      "The study would drill the samarium-rich zone, test a selective flotation route and agree indicative offtake terms with magnet makers.",
    overviewJa:
      "サマリウムに富む区域のボーリング、選択的浮遊選鉱の試験、磁石メーカーとの引取条件の協議を行う調査です。",
    risks: [
      [
        "**Small market** — samarium demand is a few thousand tonnes a year worldwide.",
        "**市場規模** — サマリウムの世界需要は年間数千トンにとどまります。",
      ],
      [
        "**Access** — wet-season access to the site is limited to four months.",
        "**アクセス** — 雨季には現地へのアクセスが4か月間制限されます。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "SM",
    stage: "MINING",
    site: site("AU", "Northern Territory — Barkly", "-19.648000", "134.190000", "Australia/Darwin"),
    capacityTpy: 500,
    capexUsd: 60_000_000n,
    sponsors: ["AU"],
    status: "WITHDRAWN",
    createdDay: -170,
    steps: [
      { day: -150, event: "submit" },
      { day: -100, event: "withdraw", by: "quandongPartner" },
    ],
  },
  {
    reference: "LD-0015",
    organisation: "godavari",
    createdBy: "godavariPartner",
    titleEn: "Chavara Dysprosium Oxide Refinery",
    titleJa: "チャバラ ジスプロシウム酸化物精製所",
    summaryEn:
      "Refines a heavy rare earth fraction from Kerala's beach sands into 99.9 per cent dysprosium oxide.",
    summaryJa:
      "ケーララ州の海浜砂から得られる重希土類留分を精製し、純度99.9パーセントのジスプロシウム酸化物を生産します。",
    overviewEn:
      "The refinery would take the heavy fraction from an existing beach-sand separation plant and run it through a dedicated solvent-extraction circuit for dysprosium, with terbium as a by-product.",
    overviewJa:
      "既存の海浜砂分離工場から重希土類留分を受け入れ、ジスプロシウム専用の溶媒抽出回路で精製し、テルビウムを副産物として回収します。",
    risks: [
      [
        "**Feed volume** — the heavy fraction from one plant may not fill the circuit.",
        "**原料の量** — 1工場からの重希土類留分だけでは回路の能力を満たせない可能性があります。",
      ],
      [
        "**Coastal regulation** — the site lies inside the coastal regulation zone.",
        "**沿岸規制** — 立地は沿岸規制区域内にあります。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "DY",
    stage: "SEPARATION",
    site: site("IN", "Kerala — Kollam", "8.987000", "76.532000", "Asia/Kolkata"),
    capacityTpy: 400,
    capexUsd: 150_000_000n,
    sponsors: ["IN", "JP"],
    status: "CHANGES_REQUESTED",
    createdDay: -160,
    steps: [
      { day: -140, event: "submit" },
      {
        day: -40,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "ABSTAIN",
          jpDelegate: "APPROVE",
          jpDelegate2: ["REJECT", "原料の確保が不確実です。"],
          inDelegate: "APPROVE",
          auDelegate: "ABSTAIN",
        },
      },
      {
        day: -26,
        event: "closeRound",
        outcome: "CHANGES_REQUESTED",
        rationale:
          "Japan was split and the United States abstained. Please show how the circuit will be filled (a second feed source or a smaller first phase) and resubmit.",
      },
    ],
  },
  {
    reference: "LD-0016",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Nevada Battery Black-Mass Recycling Plant",
    titleJa: "ネバダ 電池ブラックマス・リサイクル工場",
    summaryEn:
      "Recovers lithium, nickel and cobalt from shredded end-of-life batteries (black mass) by hydrometallurgy.",
    summaryJa:
      "使用済み電池を破砕したブラックマスから、湿式製錬によりリチウム、ニッケル、コバルトを回収します。",
    overviewEn:
      "The plant will process 20,000 tonnes of black mass a year from collection points in the western United States and return battery-grade lithium carbonate and mixed nickel-cobalt sulphate to cell makers.",
    overviewJa:
      "米国西部の回収拠点から年間20,000トンのブラックマスを受け入れ、電池グレードの炭酸リチウムとニッケル・コバルト混合硫酸塩を電池セルメーカーに供給します。",
    risks: [
      [
        "**Collection** — volumes depend on collection schemes that are still young.",
        "**回収量** — 回収量は立ち上がったばかりの回収制度に左右されます。",
      ],
      [
        "**Fire** — black mass is stored in sprinklered, compartmented bays.",
        "**火災** — ブラックマスはスプリンクラー付きの区画化された倉庫で保管します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "LITHIUM",
    stage: "RECYCLING",
    site: site("US", "Nevada — Storey County", "39.543000", "-119.450000", "America/Los_Angeles"),
    capacityTpy: 20_000,
    capexUsd: 220_000_000n,
    sponsors: ["US"],
    status: "APPROVED",
    createdDay: -150,
    steps: [
      { day: -130, event: "submit" },
      {
        day: -30,
        event: "openRound",
        closesAfterDays: 14,
        votes: {
          usDelegate: "APPROVE",
          usDelegate2: "APPROVE",
          jpDelegate2: "APPROVE",
          jpDelegate: "ABSTAIN",
          inDelegate: "APPROVE",
        },
      },
      {
        day: -16,
        event: "closeRound",
        outcome: "APPROVED",
        rationale:
          "Approved by both founding delegations and India. Recycling capacity was a stated priority for this year.",
      },
    ],
  },
  {
    reference: "LD-0017",
    organisation: "shiranami",
    createdBy: "shiranamiPartner",
    titleEn: "Kitakyushu Low-Dysprosium Magnet Line",
    titleJa: "北九州 省ジスプロシウム磁石ライン",
    summaryEn:
      "A 3,500 t/yr sintered magnet line in Kitakyushu that uses grain-boundary diffusion to cut dysprosium use, next to Kyushu's car plants.",
    summaryJa:
      "北九州に年産3,500トンの焼結磁石ラインを建設します。粒界拡散によりジスプロシウムの使用量を削減し、九州の自動車工場に近接して供給します。",
    overviewEn:
      "Shiranami Magnetics proposes a second magnet line, close to the automotive cluster in northern Kyushu. NdPr oxide comes from separation plants in the framework and is turned into alloy by a partner before sintering.\n\nThe proposal's binding text is Japanese; the English is a checked translation.",
    overviewJa:
      "白波マグネティクスは、北部九州の自動車産業集積に近い場所に2本目の磁石ラインを提案します。ネオジム・プラセオジム酸化物は枠組み参加国の分離工場から調達し、提携先で合金化したうえで焼結します。\n\n本提案の正文は日本語であり、英語は確認済みの翻訳です。",
    risks: [
      [
        "**Oxide supply** — first three years from the Gulf Coast plant (LD-0004) under a memorandum of understanding.",
        "**酸化物の調達** — 最初の3年間は覚書に基づきメキシコ湾岸の分離工場（LD-0004）から調達します。",
      ],
      [
        "**Cost** — capex per tonne is above the Tomakomai line because of seismic design requirements.",
        "**コスト** — 耐震設計の要件により、トン当たりの設備投資額は苫小牧ラインより高くなります。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "HUMAN_CHECKED",
    translationJa: "ORIGINAL",
    commodity: "NDPR",
    stage: "MAGNET",
    site: site("JP", "Fukuoka — Kitakyushu", "33.883000", "130.875000", "Asia/Tokyo"),
    capacityTpy: 3_500,
    capexUsd: 380_000_000n,
    sponsors: ["JP", "US"],
    status: "IN_REVIEW",
    createdDay: -120,
    steps: [
      { day: -30, event: "submit" },
      {
        day: -6,
        event: "openRound",
        closesAfterDays: 14,
        by: "coordinatorJp",
        votes: {
          usDelegate2: "APPROVE",
          jpDelegate2: "APPROVE",
          auDelegate: [
            "REJECT",
            "Capex per tonne is about 40 per cent above the Tomakomai line (LD-0008); the cost case needs independent review.",
          ],
          inDelegate: "ABSTAIN",
        },
        firstVotes: { jpDelegate2: "ABSTAIN" },
      },
    ],
    comments: [
      {
        key: "logistics",
        author: "jpDelegate2",
        stance: "SUPPORT",
        day: -5.5,
        body: "九州の自動車産業集積に近く、物流面の合理性が高いと考えます。ジスプロシウム使用量の削減目標も評価できます。",
      },
      {
        key: "logistics-reply",
        parent: "logistics",
        author: "shiranamiPartner",
        day: -5.2,
        body: "ありがとうございます。粒界拡散技術により、ジスプロシウムの使用量を従来比で約70パーセント削減する計画です。",
      },
      {
        key: "feed",
        author: "usDelegate2",
        stance: "QUESTION",
        day: -5,
        body: "Which separation plant will supply the NdPr oxide? The proposal names the Gulf Coast plant (LD-0004) but I could not find the memorandum of understanding.",
        edited: {
          day: -4.9,
          previousBody:
            "Which separation plant will supply the NdPr oxide? The proposal names two candidates but no signed offtake.",
        },
      },
      {
        key: "feed-reply",
        parent: "feed",
        author: "shiranamiPartner",
        day: -4.5,
        body: "The memorandum of understanding with Larkspur is Appendix C of the proposal; we have also uploaded it to the data room (folder 03-Supply).",
      },
      {
        key: "feed-reply-2",
        parent: "feed-reply",
        author: "usDelegate2",
        day: -4.2,
        body: "Found it, thank you. That answers my question.",
      },
      {
        key: "cost",
        author: "auDelegate",
        stance: "OPPOSE",
        day: -4,
        body: "Capex per tonne is roughly 40 per cent above the Tomakomai line (LD-0008). Seismic design explains part of that, but not all. I would like an independent cost review before we approve.",
      },
      {
        key: "cost-reply",
        parent: "cost",
        author: "coordinatorJp",
        day: -3.5,
        body: "コストの比較表を事務局で作成し、データルームに掲載しました。A side-by-side cost comparison is now in the data room.",
      },
      {
        key: "pricing",
        author: "auDelegate",
        stance: "NEUTRAL",
        day: -3,
        body: "For reference, here is our ministry's confidential pricing sheet for NdPr oxide contracts: …",
        hidden: {
          day: -2.9,
          by: "coordinator",
          reason: "Shares confidential pricing information; moved to the restricted data room.",
        },
      },
      {
        key: "training",
        author: "inDelegate",
        stance: "NEUTRAL",
        day: -2,
        body: "India would welcome a training programme for magnet engineers from partner countries at the new line. Is that something Shiranami would consider?",
      },
      {
        key: "training-reply",
        parent: "training",
        author: "shiranamiPartner",
        day: -1.5,
        body: "はい、検討します。We can host two engineers per year from partner countries once the line is running.",
      },
    ],
  },
  {
    reference: "LD-0018",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Wind River Basin Carbonatite Feasibility",
    titleJa: "ウィンドリバー盆地 カーボナタイト事業化調査",
    summaryEn:
      "A bankable feasibility study and pilot pit for a light rare earth carbonatite deposit in Wyoming.",
    summaryJa:
      "ワイオミング州の軽希土類カーボナタイト鉱床について、融資判断に使える事業化調査と試験採掘を行います。",
    overviewEn:
      "The deposit is rich in NdPr and low in thorium. The study would take it from a measured resource to a bankable feasibility study, including a 10,000-tonne pilot pit and metallurgical testwork.",
    overviewJa:
      "ネオジム・プラセオジムに富みトリウムの少ない鉱床です。確定資源量の段階から、1万トン規模の試験採掘と選鉱試験を含む融資判断用の事業化調査まで進めます。",
    risks: [
      [
        "**Wildlife** — the site overlaps sage-grouse habitat; seasonal work windows apply.",
        "**野生生物** — 現地はキジオライチョウの生息地と重なるため、作業時期が制限されます。",
      ],
      [
        "**Processing route** — the concentrate needs a separation partner; talks are under way.",
        "**処理ルート** — 精鉱の分離を担うパートナーが必要であり、協議中です。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "MINING",
    site: site("US", "Wyoming — Fremont County", "43.040000", "-108.380000", "America/Denver"),
    capacityTpy: 15_000,
    capexUsd: 900_000_000n,
    sponsors: ["US"],
    status: "SUBMITTED",
    createdDay: -100,
    steps: [{ day: -12, event: "submit" }],
  },
  {
    reference: "LD-0019",
    organisation: "godavari",
    createdBy: "godavariPartner",
    titleEn: "Sriperumbudur Magnet Recycling Hub",
    titleJa: "スリペルンブドゥール 磁石リサイクル拠点",
    summaryEn:
      "Collects end-of-life motors and hard-disk drives from South India's electronics cluster and recovers their NdFeB magnets.",
    summaryJa:
      "南インドの電子機器産業集積から使用済みモーターやハードディスクを回収し、ネオジム磁石を取り出して再生します。",
    overviewEn:
      "The hub will dismantle 2,000 tonnes of magnet-bearing scrap a year, recover whole magnets for direct reuse where possible and send the rest to hydrogen processing into new magnet powder.",
    overviewJa:
      "年間2,000トンの磁石含有スクラップを解体し、可能なものは磁石をそのまま再利用し、残りは水素処理で新しい磁石粉末に再生します。",
    risks: [
      [
        "**Collection** — informal recyclers handle most scrap today; the hub will buy from them.",
        "**回収** — 現在は非公式の回収業者がスクラップの大半を扱っており、拠点はそこから買い取ります。",
      ],
      [
        "**Magnet variety** — sorting by grade is manual at first; automated sorting in phase 2.",
        "**磁石の多様性** — 当初はグレード別の選別を手作業で行い、第2段階で自動化します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "RECYCLING",
    site: site("IN", "Tamil Nadu — Sriperumbudur", "12.967000", "79.948000", "Asia/Kolkata"),
    capacityTpy: 2_000,
    capexUsd: 70_000_000n,
    sponsors: ["IN", "US"],
    status: "SUBMITTED",
    createdDay: -90,
    steps: [{ day: -9, event: "submit" }],
    comments: [
      {
        key: "support",
        author: "inDelegate",
        stance: "SUPPORT",
        day: -7,
        body: "This brings the informal recycling sector into a traceable supply chain. India supports opening a review round soon.",
      },
      {
        key: "support-reply",
        parent: "support",
        author: "godavariPartner",
        day: -6,
        body: "Thank you. We have letters of support from two recyclers' cooperatives, which we will add to the data room this week.",
      },
    ],
  },
  {
    reference: "LD-0020",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Hai Phong Rare Earth Separation Joint Venture",
    titleJa: "ハイフォン レアアース分離合弁事業",
    summaryEn:
      "A joint-venture separation plant near Hai Phong port that turns Australian and Vietnamese concentrate into NdPr oxide.",
    summaryJa:
      "ハイフォン港近くに合弁で分離工場を建設し、オーストラリア産とベトナム産の精鉱からネオジム・プラセオジム酸化物を生産します。",
    overviewEn:
      "The plant would be built in an industrial zone with a chemical berth, and run by a joint venture between Quandong Minerals and a local partner, with Japanese technical support for the solvent-extraction circuits.",
    overviewJa:
      "化学品専用の岸壁を持つ工業団地に建設し、クアンドン・ミネラルズと現地企業の合弁会社が運営します。溶媒抽出回路については日本の技術支援を受けます。",
    risks: [
      [
        "**Partner** — the local partner's track record in chemicals is limited.",
        "**パートナー** — 現地パートナーの化学分野での実績は限られています。",
      ],
      [
        "**Waste** — liquid effluent treatment designed to Japanese standards.",
        "**廃棄物** — 排水処理は日本の基準に合わせて設計します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "HUMAN_CHECKED",
    commodity: "NDPR",
    stage: "SEPARATION",
    site: site("VN", "Hải Phòng — Đình Vũ", "20.840000", "106.770000", "Asia/Ho_Chi_Minh"),
    capacityTpy: 4_000,
    capexUsd: 450_000_000n,
    sponsors: ["AU", "JP"],
    status: "SUBMITTED",
    createdDay: -80,
    steps: [{ day: -5, event: "submit" }],
  },
  {
    reference: "LD-0021",
    organisation: "picm",
    createdBy: "picmPartner",
    titleEn: "Nagoya Cerium Polishing Powder Recovery",
    titleJa: "名古屋 セリウム研磨材の回収・再生",
    summaryEn:
      "Recovers cerium oxide from spent glass-polishing slurry at display and optics plants and regenerates it as polishing powder.",
    summaryJa:
      "ディスプレイや光学部品の工場で使われた研磨スラリーから酸化セリウムを回収し、研磨材として再生します。",
    overviewEn:
      "Cerium oxide polishing powder is used once and discarded. The institute's process recovers it from slurry with a low-temperature chemical treatment and returns it to the same plants.",
    overviewJa:
      "酸化セリウムの研磨材は一度使うと廃棄されています。研究所の技術では、低温の化学処理でスラリーから回収し、同じ工場に戻します。",
    risks: [
      [
        "**Economics** — cerium is cheap; the case rests on avoided disposal costs.",
        "**経済性** — セリウムは安価であり、採算は廃棄費用の削減に依存します。",
      ],
      [
        "**Quality** — regenerated powder must match virgin powder on scratch rate.",
        "**品質** — 再生品は新品と同等の傷の発生率を満たす必要があります。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "MACHINE",
    translationJa: "ORIGINAL",
    commodity: "CE",
    stage: "RECYCLING",
    site: site("JP", "Aichi — Nagoya", "35.090000", "136.880000", "Asia/Tokyo"),
    capacityTpy: 1_500,
    capexUsd: 25_000_000n,
    sponsors: ["JP"],
    status: "SUBMITTED",
    createdDay: -70,
    steps: [{ day: -3, event: "submit" }],
  },
  {
    reference: "LD-0022",
    organisation: "quandong",
    createdBy: "quandongPartner",
    titleEn: "Namaqualand Monazite Separation Plant",
    titleJa: "ナマクワランド モナザイト分離工場",
    summaryEn:
      "Cracks and separates monazite from South African mineral sands into NdPr oxide and a mixed heavy concentrate.",
    summaryJa:
      "南アフリカの鉱物砂から得たモナザイトを分解・分離し、ネオジム・プラセオジム酸化物と混合重希土類精鉱を生産します。",
    overviewEn:
      "Monazite from an operating mineral-sands mine is stockpiled today for lack of a buyer. The plant would crack it with caustic soda, remove thorium and uranium, and separate NdPr on site.",
    overviewJa:
      "稼働中の鉱物砂鉱山で産出するモナザイトは、買い手がないため現在は野積みされています。本工場では苛性ソーダで分解し、トリウムとウランを除去したうえで、現地でネオジム・プラセオジムを分離します。",
    risks: [
      [
        "**Radiation** — the cracking plant is licensed as a nuclear-regulated facility.",
        "**放射線** — 分解工場は原子力規制の対象施設として許可を受けます。",
      ],
      [
        "**Water** — the region is arid; the plant uses desalinated seawater.",
        "**水資源** — 乾燥地域のため、淡水化した海水を使用します。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "NDPR",
    stage: "SEPARATION",
    site: site("ZA", "Northern Cape — Namaqualand", "-30.230000", "17.830000", "Africa/Johannesburg"),
    capacityTpy: 5_000,
    capexUsd: 520_000_000n,
    sponsors: ["AU", "US"],
    status: "SUBMITTED",
    createdDay: -60,
    steps: [{ day: -1.5, event: "submit" }],
  },
  {
    reference: "LD-0023",
    organisation: "quandong",
    createdBy: "quandongEngineer",
    titleEn: "Gladstone Gallium Recovery from Alumina Liquor",
    titleJa: "グラッドストン アルミナ液からのガリウム回収",
    summaryEn: "Recovers gallium from the Bayer liquor of an alumina refinery by ion exchange.",
    summaryJa: "アルミナ精製所のバイヤー液からイオン交換によりガリウムを回収します。",
    overviewEn:
      "Gallium is present in Bayer liquor at about 100 mg/L and is not recovered today. An ion-exchange side-stream plant could produce 50 tonnes of 4N gallium a year without affecting alumina output.",
    overviewJa: "",
    risks: [
      ["**Host refinery** — an agreement with the refinery owner is still to be signed.", ""],
      ["**Purity** — a refining step to 6N may be needed for semiconductor customers.", ""],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MISSING",
    commodity: "GA",
    stage: "SEPARATION",
    site: site("AU", "Queensland — Gladstone", "-23.843000", "151.256000", "Australia/Brisbane"),
    capacityTpy: 50,
    capexUsd: 90_000_000n,
    sponsors: ["AU"],
    status: "DRAFT",
    createdDay: -40,
    editedDay: -2,
    steps: [],
  },
  {
    reference: "LD-0024",
    organisation: "larkspur",
    createdBy: "larkspurPartner",
    titleEn: "Trail Germanium Recovery from Zinc Residues",
    titleJa: "トレイル 亜鉛残渣からのゲルマニウム回収",
    summaryEn:
      "Recovers germanium from zinc-refinery leach residues for fibre-optic and infrared optics makers.",
    summaryJa:
      "亜鉛精錬の浸出残渣からゲルマニウムを回収し、光ファイバーや赤外線光学部品のメーカーに供給します。",
    overviewEn:
      "Germanium reports to the leach residue of zinc refining. A tannin precipitation and chlorination circuit would recover 40 tonnes a year of germanium tetrachloride and dioxide.",
    overviewJa:
      "ゲルマニウムは亜鉛精錬の浸出残渣に濃縮されます。タンニン沈殿と塩素化の回路により、年間40トンの四塩化ゲルマニウムと二酸化ゲルマニウムを回収します。",
    risks: [
      [
        "**Chlorine handling** — the chlorination step needs a separate safety case.",
        "**塩素の取り扱い** — 塩素化工程には個別の安全評価が必要です。",
      ],
      [
        "**Residue access** — depends on the refinery's residue treatment schedule.",
        "**残渣の確保** — 精錬所の残渣処理計画に左右されます。",
      ],
    ],
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "GE",
    stage: "SEPARATION",
    site: site("CA", "British Columbia — Trail", "49.096000", "-117.711000", "America/Vancouver"),
    capacityTpy: 40,
    capexUsd: 75_000_000n,
    sponsors: ["US"],
    status: "DRAFT",
    createdDay: -25,
    editedDay: -4,
    steps: [],
  },
  {
    reference: "LD-0025",
    organisation: "shiranami",
    createdBy: "shiranamiPartner",
    titleEn: "Sakai Terbium Recovery from Lamp Phosphors",
    titleJa: "堺 蛍光体からのテルビウム回収",
    summaryEn: "Recovers terbium and europium from the phosphor powder of collected fluorescent lamps.",
    summaryJa: "回収した蛍光ランプの蛍光体粉末からテルビウムとユウロピウムを回収します。",
    overviewEn:
      "Fluorescent lamps are being phased out, and the phosphor powder in collected lamps is one of the richest sources of terbium available. The line would treat the stock held by municipal collectors in the Kansai region.",
    overviewJa:
      "蛍光ランプは段階的に廃止されつつあり、回収されたランプの蛍光体粉末はテルビウムの最も濃縮された供給源の一つです。関西地域の自治体が保管している回収品を処理します。",
    risks: [
      [
        "**Mercury** — lamps are de-mercurised by the collector before delivery.",
        "**水銀** — ランプは回収業者が納入前に水銀を除去します。",
      ],
      [
        "**Finite feed** — the stock will run out in about eight years.",
        "**原料の有限性** — 在庫は約8年で尽きる見込みです。",
      ],
    ],
    bindingLanguage: "ja",
    translationEn: "MACHINE",
    translationJa: "ORIGINAL",
    commodity: "TB",
    stage: "RECYCLING",
    site: site("JP", "Osaka — Sakai", "34.573000", "135.483000", "Asia/Tokyo"),
    capacityTpy: 30,
    capexUsd: 12_000_000n,
    sponsors: ["JP"],
    status: "DRAFT",
    createdDay: -10,
    editedDay: -0.5,
    steps: [],
  },
];

// ───────────────────────────── how the bodies are written ─────────────────────────────

const COUNTRY_NAMES: Record<string, readonly [string, string]> = {
  AU: ["Australia", "オーストラリア"],
  US: ["United States", "アメリカ合衆国"],
  JP: ["Japan", "日本"],
  IN: ["India", "インド"],
  CA: ["Canada", "カナダ"],
  BR: ["Brazil", "ブラジル"],
  VN: ["Vietnam", "ベトナム"],
  KE: ["Kenya", "ケニア"],
  ZA: ["South Africa", "南アフリカ"],
};

const COMMODITY_NAMES: Record<Commodity, readonly [string, string]> = {
  NDPR: ["Neodymium–praseodymium (NdPr)", "ネオジム・プラセオジム（NdPr）"],
  DY: ["Dysprosium", "ジスプロシウム"],
  TB: ["Terbium", "テルビウム"],
  LA: ["Lanthanum", "ランタン"],
  CE: ["Cerium", "セリウム"],
  SM: ["Samarium", "サマリウム"],
  Y: ["Yttrium", "イットリウム"],
  GA: ["Gallium", "ガリウム"],
  GE: ["Germanium", "ゲルマニウム"],
  GRAPHITE: ["Graphite", "黒鉛"],
  LITHIUM: ["Lithium", "リチウム"],
  COBALT: ["Cobalt", "コバルト"],
  NICKEL: ["Nickel", "ニッケル"],
};

const STAGE_TEXT: Record<
  SupplyChainStage,
  { en: string; ja: string; paragraphEn: string; paragraphJa: string }
> = {
  MINING: {
    en: "Mining",
    ja: "採掘",
    paragraphEn:
      "Mining is the first link of the chain. Concentrate from this site would go to separation plants run by framework partners, so that ore mined by allies is also refined by allies rather than shipped to a single processing country.",
    paragraphJa:
      "採掘はレアアース・サプライチェーンの最初の段階です。本サイトの精鉱は枠組み参加国が運営する分離工場に送られ、同盟国で採掘した鉱石を同盟国で精製する体制をつくります。特定の一国に加工を依存する現状からの脱却につながります。",
  },
  SEPARATION: {
    en: "Separation",
    ja: "分離",
    paragraphEn:
      "Separation turns mixed concentrate into individual high-purity oxides. It is the step where supply is most concentrated today and the one the framework most wants to diversify; without it, new mines only feed the existing bottleneck.",
    paragraphJa:
      "分離工程では、混合レアアース精鉱を高純度の個別酸化物に分けます。現在もっとも供給が集中している工程であり、本枠組みが最も多様化を目指す分野です。分離能力がなければ、新しい鉱山も既存のボトルネックに原料を送るだけになります。",
  },
  METAL_ALLOY: {
    en: "Metal and alloy",
    ja: "金属・合金",
    paragraphEn:
      "Metal making reduces separated oxides to metal and casts the alloys (such as NdFeB strip) that magnet plants use directly. Few plants outside China can do it, so every new line shortens the path from oxide to magnet.",
    paragraphJa:
      "金属・合金工程では、分離済みの酸化物を還元してネオジムなどの金属にし、磁石工場がそのまま使える NdFeB ストリップ合金などに鋳造します。中国以外で対応できる工場は少なく、新しいラインは酸化物から磁石までの道のりを短くします。",
  },
  MAGNET: {
    en: "Magnet making",
    ja: "磁石製造",
    paragraphEn:
      "Permanent magnets drive electric-vehicle motors, wind turbines and industrial robots. Magnet capacity inside the framework is what makes upstream mines and separation plants bankable: each magnet line creates firm demand for oxide and metal.",
    paragraphJa:
      "永久磁石は電気自動車のモーター、風力発電機、産業用ロボットに欠かせません。枠組み内の磁石製造能力こそが上流の鉱山や分離工場の採算性を支えます。ネオジム磁石のラインが1本増えるごとに、酸化物と金属の確実な需要が生まれます。",
  },
  RECYCLING: {
    en: "Recycling",
    ja: "リサイクル",
    paragraphEn:
      "Recycling recovers critical materials from manufacturing scrap and end-of-life products such as magnets and batteries. It creates a secondary supply inside partner countries that needs no new mine and shortens the chain.",
    paragraphJa:
      "リサイクルでは、製造工程のスクラップや使用済み磁石・電池などからレアアースや重要鉱物を回収します。新規鉱山を必要としない二次供給源を参加国内につくり、サプライチェーンを短くします。",
  },
};

const DELEGATION_SHORT_JA: Record<DelegationCode, string> = {
  US: "米国",
  JP: "日本",
  AU: "豪州",
  IN: "インド",
};

function groupThousands(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function usdEn(amount: bigint): string {
  const millions = Number(amount) / 1_000_000;
  if (millions >= 1_000) return `US$${(millions / 1_000).toFixed(2).replace(/\.?0+$/, "")} billion`;
  return `US$${groupThousands(Math.round(millions))} million`;
}

function usdJa(amount: bigint): string {
  const oku = amount / 100_000_000n;
  const man = (amount % 100_000_000n) / 10_000n;
  const parts = `${oku > 0n ? `${oku}億` : ""}${man > 0n ? `${groupThousands(man)}万` : ""}`;
  return `${parts || "0"}米ドル`;
}

/** The fields a revision snapshots (and the project row holds). */
export interface ProposalContent {
  titleEn: string;
  titleJa: string;
  summaryEn: string;
  summaryJa: string;
  bodyEn: string;
  bodyJa: string;
  bindingLanguage: Locale;
  translationEn: TranslationStatus;
  translationJa: TranslationStatus;
  commodity: Commodity;
  stage: SupplyChainStage;
  site: SiteSeed;
  capacityTpy: number;
  capexUsd: bigint;
  sponsors: readonly DelegationCode[];
}

/** The proposal as written today, or as an earlier revision had it (`changes`). */
export function proposalContent(p: ProjectSeed, changes: ProposalChanges = {}): ProposalContent {
  const t: ProposalText = { ...p, ...changes };
  const stage = STAGE_TEXT[p.stage];
  const [countryEn, countryJa] = COUNTRY_NAMES[p.site.country] ?? [p.site.country, p.site.country];
  const [commodityEn, commodityJa] = COMMODITY_NAMES[p.commodity];
  const bodyEn = [
    "## Overview",
    t.overviewEn,
    "## Key figures",
    [
      `- **Commodity:** ${commodityEn}`,
      `- **Supply-chain stage:** ${stage.en}`,
      `- **Site:** ${p.site.region}, ${countryEn}`,
      `- **Capacity:** ${groupThousands(t.capacityTpy)} t/yr`,
      `- **Estimated capex:** ${usdEn(t.capexUsd)}`,
      `- **Sponsoring delegations:** ${t.sponsors.join(", ")}`,
    ].join("\n"),
    "## Place in the supply chain",
    stage.paragraphEn,
    "## Risks and mitigations",
    t.risks.map(([en], i) => `${i + 1}. ${en}`).join("\n"),
  ].join("\n\n");
  const bodyJa =
    p.translationJa === "MISSING"
      ? ""
      : [
          "## 概要",
          t.overviewJa,
          "## 主要数値",
          [
            `- **鉱種:** ${commodityJa}`,
            `- **工程:** ${stage.ja}`,
            `- **立地:** ${countryJa}（${p.site.region}）`,
            `- **生産能力:** 年間 ${groupThousands(t.capacityTpy)} トン`,
            `- **概算設備投資額:** ${usdJa(t.capexUsd)}`,
            `- **支援代表団:** ${t.sponsors.map((c) => DELEGATION_SHORT_JA[c]).join("、")}`,
          ].join("\n"),
          "## サプライチェーン上の位置づけ",
          stage.paragraphJa,
          "## リスクと対策",
          t.risks.map(([, ja], i) => `${i + 1}. ${ja}`).join("\n"),
        ].join("\n\n");
  return {
    titleEn: p.titleEn,
    titleJa: p.titleJa,
    summaryEn: t.summaryEn,
    summaryJa: t.summaryJa,
    bodyEn,
    bodyJa,
    bindingLanguage: p.bindingLanguage,
    translationEn: p.translationEn,
    translationJa: p.translationJa,
    commodity: p.commodity,
    stage: p.stage,
    site: p.site,
    capacityTpy: t.capacityTpy,
    capexUsd: t.capexUsd,
    sponsors: t.sponsors,
  };
}
