import { create } from 'zustand';

/** The main area's screen; the workflow screen shows the workflow selected in the sidebar. */
export type Screen = 'workflow' | 'decrypt' | 'simulate' | 'audit' | 'settings';

export interface NavigationState {
  screen: Screen;
}

export const initialNavigationState: NavigationState = { screen: 'workflow' };

export const useNavigationStore = create<NavigationState>()(() => initialNavigationState);
