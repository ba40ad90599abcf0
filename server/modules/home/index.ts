export { homeModule } from './home.module';
export { getHome } from './get-home';
