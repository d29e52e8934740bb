import { Link } from '../components/common.js';

export function NotFoundPage() {
  return (
    <section class="page">
      <h1>Nothing here</h1>
      <p>
        This address is not a page of the console. <Link href="/">Go to your projects</Link>.
      </p>
    </section>
  );
}
