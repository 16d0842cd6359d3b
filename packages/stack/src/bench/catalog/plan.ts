import type { PreparedData } from '../lib/database';
import type { LoadResult } from '../lib/load';
import type { Machine } from '../lib/machine';
import type { Counts } from '../lib/statements';

/** store001: VIP, main warehouse, customer prices on its usual brands and on early SKUs. */
export const CUSTOMER = { username: 'store001', id: 'cus_0001', password: 'demo1234' };

export const DURATION_S = 10;

/** The page of the issue: products with brand, SKUs with price, stock and promotions. */
export const PAGE_QUERY = `query Page($first: Int!) {
  products(first: $first) { edges { node { id name brand { name }
    skus { id barcode price { amount currency source } stock { available } promotions { id badge } }
    promotions { id title } } } }
}`;

/** A search result list: names, brand and the customer's price of each SKU. */
export const SEARCH_QUERY = `query Search($search: String!) {
  products(first: 24, filter: { search: $search }) { edges { node { id name brand { name }
    skus { id price { amount source } } } } }
}`;

/** pinyin initials: 可口可乐, 农夫山泉, 康师傅, 青岛啤酒, 金龙鱼, 海天 */
export const SEARCHES = ['kkkl', 'nfsq', 'ksf', 'qdpj', 'jly', 'ht'];

export const TARGETS = { p99At16Ms: 60, pagesPerSecondAt64: 300, searchP99Ms: 50 };

export interface CatalogResults {
  date: string;
  command: string;
  machine: Machine;
  database: string;
  statementMethod: string;
  data: PreparedData & { viewerCustomerPrices: number };
  durationS: number;
  statements: {
    first: number;
    products: number;
    skus: number;
    customerSourced: number;
    total: number;
    perSchema: Counts;
  }[];
  pageCheck: string;
  /** sequential pages: wall time, CPU ms per page per process, SQL execution ms per page */
  profile: { pages: number; wallMs: number; cpuPerPage: Record<string, number>; sqlExecMs: number | null };
  /** gateway: with its page cache (as deployed); uncached: every page resolved by the subgraphs */
  load: { concurrency: number; gateway: LoadResult; uncached: LoadResult; raw: LoadResult }[];
  search: {
    search: string;
    hits: number;
    first: string;
    concurrency: number;
    result: LoadResult;
    uncached: LoadResult;
  }[];
  seconds: number;
}
