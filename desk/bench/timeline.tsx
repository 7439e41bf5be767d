import { createRoot } from 'react-dom/client';
import Timeline from '../src/timeline/Timeline';
import { benchPlan } from './plan';

/**
 * The benchmark page (`npm run bench:desk`): draws the benchmark plan with the desk's own
 * Timeline, `window.drawTimeline()` at a time, and answers how long it took from the data
 * to the drawn timeline on screen — React's render, vis-timeline's layout, and the frame.
 */
declare global {
  interface Window {
    drawTimeline: () => Promise<number>;
  }
}

const root = createRoot(document.getElementById('root')!);
let round = 0;

window.drawTimeline = () =>
  new Promise<number>((resolve) => {
    round += 1;
    const plan = benchPlan();
    const started = performance.now();
    // After the frame that shows it: the callback of the next animation frame, then the task after its paint.
    const drawn = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
    root.render(<Timeline key={round} plan={plan} onDrawn={drawn} />);
  });
