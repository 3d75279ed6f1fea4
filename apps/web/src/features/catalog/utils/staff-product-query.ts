/** The staff product list's query as the URL has it: only q, status and page travel to the API. */
export function staffProductQuery(params: URLSearchParams): string {
  return new URLSearchParams([...params].filter(([k]) => ['q', 'status', 'page'].includes(k))).toString();
}
