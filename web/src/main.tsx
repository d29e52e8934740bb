import { render } from 'preact';
import './styles.css';

render(<p>certkeeper</p>, document.getElementById('app')!);
